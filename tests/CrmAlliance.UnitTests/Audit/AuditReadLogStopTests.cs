using CrmAlliance.Api.Features.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmAlliance.UnitTests.Audit;

/// <summary>
/// The read log's stop when the host has already disposed its services (a host whose own stop time ran out goes on
/// disposing while the log still writes): it reports what it could not write and lets the host stop, never throws.
/// </summary>
public sealed class AuditReadLogStopTests
{
    [Fact]
    public async Task A_stop_after_the_host_s_services_were_disposed_does_not_throw()
    {
        var provider = new ServiceCollection().BuildServiceProvider();
        var scopes = provider.GetRequiredService<IServiceScopeFactory>();
        await provider.DisposeAsync();
        using var log = new AuditReadLog(scopes, NullLogger<AuditReadLog>.Instance);
        await log.EnqueueAsync(new AuditEntry { ActorUserId = "user", ActorRole = "Consultant", EntityType = "Candidate" }, CancellationToken.None);

        var stop = await Record.ExceptionAsync(() => log.StopAsync(CancellationToken.None));

        Assert.Null(stop);
    }
}
