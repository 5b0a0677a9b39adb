using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Infrastructure.Data;

/// <summary>
/// The Api's contexts are pooled (issue 13: building a context, its options and EF's services was most of a one-row
/// look-up's CPU). A request must still get a context as if new: nothing tracked, no connection or transaction left
/// open by the request before, whatever that request did or failed to clean up.
/// </summary>
public sealed class PooledDbContextTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task A_context_comes_back_from_the_pool_with_nothing_of_the_request_before()
    {
        // After the host's start-up writes (they hold the write lock for a second or so).
        await WriteAsync();
        CrmDbContext first;
        var erased = Guid.NewGuid();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            await first.Database.OpenConnectionAsync();
            await first.Database.BeginTransactionAsync();
            first.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "left behind", Xml = "<key/>" });
            first.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            ForgottenSubjects.Mark(first, erased);
        }

        // The host's background services lease contexts too: the one given back may go to one of them first and stay
        // there while it works (on a loaded CI machine for longer than a thousand quick leases took: CI failed so once).
        var found = false;
        var searching = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 1; !found && searching.Elapsed < TimeSpan.FromSeconds(20); attempt++)
        {
            if (attempt % 200 == 0)
            {
                await Task.Delay(10);
            }

            await using var scope = factory.Services.CreateAsyncScope();
            var next = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            found = ReferenceEquals(first, next);
            Assert.Empty(next.ChangeTracker.Entries());
            Assert.Null(next.Database.CurrentTransaction);
            Assert.Equal(System.Data.ConnectionState.Closed, next.Database.GetDbConnection().State);
            Assert.Equal(QueryTrackingBehavior.TrackAll, next.ChangeTracker.QueryTrackingBehavior);
            Assert.False(ForgottenSubjects.IsForgotten(next, erased), "A subject forgotten by the request before is still marked.");
        }

        Assert.True(found, "The context was not given out again: the contexts are not pooled.");

        // The transaction left open was rolled back and its place in the writer queue given up: the next write gets the
        // lock before the queue's bound (30 s) would let it past a turn that was never given back; a loaded machine is slow, not that slow.
        await WriteAsync().WaitAsync(TimeSpan.FromSeconds(29));
    }

    private async Task WriteAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await transaction.CommitAsync();
    }
}
