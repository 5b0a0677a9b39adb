extern alias api;
using api::CrmAlliance.Api.Features.Yield.ReadModel;
using api::CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.Benchmarks;

/// <summary>
/// A change to the yield read model as one event makes it, outside the timed call: a new version that changed one
/// company (a random one), logged as the projector logs it, so reports kept in memory re-read that company.
/// </summary>
internal static class ReadModelChanges
{
    public static Func<Task> OneCompany(IServiceProvider services, int seed = 7)
    {
        var random = new Random(seed);
        List<Guid>? companies = null;
        return async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            companies ??= await db.YieldCompanies.AsNoTracking().Select(c => c.CompanyId).ToListAsync();
            var state = await db.YieldState.SingleAsync();
            state.Version++;
            db.YieldChanges.Add(new YieldChange { Version = state.Version, CompanyId = companies[random.Next(companies.Count)] });
            await db.SaveChangesAsync();
        };
    }
}
