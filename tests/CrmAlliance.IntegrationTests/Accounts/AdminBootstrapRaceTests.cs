using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Accounts;

/// <summary>
/// Replicas started together on a new database each create the roles and the first Admin: whichever loses the race
/// finds them made by the other and starts, instead of stopping on a duplicate key.
/// </summary>
public sealed class AdminBootstrapRaceTests : IDisposable
{
    private const int Rounds = 10;

    private readonly CrmApiFactory _first = new();
    private readonly CrmApiFactory _second;

    public AdminBootstrapRaceTests() => _second = new CrmApiFactory(new Dictionary<string, string> { ["ConnectionStrings:Crm"] = _first.ConnectionString });

    [Fact]
    public async Task Two_replicas_bootstrapping_at_once_a_database_without_roles_or_Admin_both_succeed_and_create_each_once()
    {
        _ = _first.Services;
        _ = _second.Services;
        for (var round = 1; round <= Rounds; round++)
        {
            await using (var db = _first.NewDbContext())
            {
                await db.Users.Where(u => u.Email == CrmApiFactory.AdminEmail).ExecuteDeleteAsync();
                await db.Roles.ExecuteDeleteAsync();
            }

            await Task.WhenAll(BootstrapAsync(_first), BootstrapAsync(_second));

            await using var check = _first.NewDbContext();
            Assert.Equal(Enum.GetNames<Role>().Order(), (await check.Roles.Select(r => r.Name!).ToListAsync()).Order());
            Assert.Equal(1, await check.Users.CountAsync(u => u.Email == CrmApiFactory.AdminEmail));
            await using var scope = _second.Services.CreateAsyncScope();
            Assert.Single(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().GetUsersInRoleAsync(nameof(Role.Admin)));
        }
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    private static Task BootstrapAsync(CrmApiFactory replica) => Task.Run(async () =>
    {
        await using var scope = replica.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().RunAsync(CancellationToken.None);
    });
}
