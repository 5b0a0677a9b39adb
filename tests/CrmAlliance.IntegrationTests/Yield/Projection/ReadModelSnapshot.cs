using System.Text;
using System.Text.Json;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Yield.Projection;

/// <summary>The whole yield read model as text, ordered by key and without the concurrency versions, for comparison.</summary>
public static class ReadModelSnapshot
{
    public static async Task<string> TakeAsync(CrmDbContext db)
    {
        var text = new StringBuilder();
        Append(text, "cell", (await db.YieldCells.AsNoTracking().ToListAsync())
            .OrderBy(c => c.CompanyId).ThenBy(c => c.Grain).ThenBy(c => c.PeriodStart).ThenBy(c => c.OfferKind, StringComparer.Ordinal).ThenBy(c => c.TargetGroup, StringComparer.Ordinal));
        Append(text, "company", (await db.YieldCompanies.AsNoTracking().ToListAsync()).OrderBy(c => c.CompanyId));
        Append(text, "placement", (await db.YieldPlacementFacts.AsNoTracking().ToListAsync()).OrderBy(f => f.PlacementId));
        Append(text, "vacancy", (await db.YieldVacancyFacts.AsNoTracking().ToListAsync()).OrderBy(f => f.VacancyId));
        Append(text, "contact", (await db.YieldContactFacts.AsNoTracking().ToListAsync()).OrderBy(f => f.ContactLogId));
        Append(text, "pledge", (await db.YieldPledgeFacts.AsNoTracking().ToListAsync()).OrderBy(f => f.PledgeId));
        return text.ToString();
    }

    /// <summary>Waits until the outbox is sent and the read model has stopped changing.</summary>
    public static async Task<string> SettledAsync(CrmApiFactory factory, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        string? previous = null;
        while (DateTime.UtcNow < deadline)
        {
            await using var db = factory.NewDbContext();
            var unsent = await db.OutboxMessages.CountAsync(m => m.SentAt == null);
            var current = await TakeAsync(db);
            if (unsent == 0 && current == previous)
            {
                return current;
            }

            previous = unsent == 0 ? current : null;
            await Task.Delay(400);
        }

        throw new TimeoutException("The yield projection did not settle.");
    }

    private static void Append<T>(StringBuilder text, string kind, IEnumerable<T> rows)
    {
        foreach (var row in rows)
        {
            using var json = JsonDocument.Parse(JsonSerializer.Serialize(row));
            var values = json.RootElement.EnumerateObject().Where(p => p.Name != "Version").Select(p => $"{p.Name}={p.Value}");
            text.Append(kind).Append(' ').AppendJoin(' ', values).AppendLine();
        }
    }
}
