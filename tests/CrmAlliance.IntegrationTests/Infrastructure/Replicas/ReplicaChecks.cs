using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Yield.Projection;
using CrmAlliance.Matching.Bus;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Infrastructure.Replicas;

/// <summary>What must hold in the shared database and at the broker once the replicas and workers have settled.</summary>
public static class ReplicaChecks
{
    /// <summary>Every outbox row sent, every vacancy's matching answer stored, and the yield read model no longer changing.</summary>
    public static async Task SettledAsync(TestDatabase database)
    {
        string? previous = null;
        await Polling.WaitForAsync(
            async () =>
            {
                await using var db = database.NewDbContext();
                var unsent = await db.OutboxMessages.CountAsync(m => m.SentAt == null);
                var unmatched = await db.Vacancies.CountAsync(v => v.Status == VacancyStatus.Open && !db.VacancyMatches.Any(m => m.VacancyId == v.Id));
                var current = unsent == 0 && unmatched == 0 ? await ReadModelSnapshot.TakeAsync(db) + await db.VacancyMatches.CountAsync() : null;
                var settled = current is not null && current == previous;
                previous = current;
                return settled;
            },
            "the replicas and workers to settle",
            TimeSpan.FromSeconds(45),
            TimeSpan.FromMilliseconds(500));
    }

    public static async Task AcknowledgedWritesArePresentAsync(TestDatabase database, ReplicaLoadDriver driver)
    {
        await using var db = database.NewDbContext();
        Missing("companies", driver.Companies, await db.Companies.Select(c => c.Id).ToListAsync());
        Missing("workplaces", driver.Workplaces, await db.Workplaces.Select(w => w.Id).ToListAsync());
        Missing("vacancies", driver.Vacancies, await db.Vacancies.Select(v => v.Id).ToListAsync());
        Missing("contacts", driver.Contacts, await db.ContactLogs.Select(c => c.Id).ToListAsync());
        Missing("placements", driver.Proposals, await db.Placements.Select(p => p.Id).ToListAsync());
        Missing("approvals", driver.Approvals.Select(x => x.Placement), await db.Placements.Where(p => p.Status == PlacementStatus.Approved).Select(p => p.Id).ToListAsync());

        static void Missing(string what, IEnumerable<Guid> acknowledged, List<Guid> stored)
        {
            var lost = acknowledged.Except(stored).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} acknowledged {what} are not stored: {string.Join(", ", lost.Take(5))}");
        }
    }

    /// <summary>
    /// Every event published; every vacancy's matching answer stored exactly once (one inbox entry per posted vacancy,
    /// one round of suggestions, no candidate twice in it); nothing failed or parked in an error queue. Returns the lag of
    /// each vacancy from its commit to its stored suggestions, and to its match in a worker.
    /// </summary>
    public static async Task<(List<TimeSpan> Stored, List<TimeSpan> Matched)> EveryEventAppliedOnceAsync(TestDatabase database, string virtualHost)
    {
        await using var db = database.NewDbContext();
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.SentAt == null));
        var posted = await db.OutboxMessages.Where(m => m.MessageType == "VacancyPosted").Select(m => new { m.AggregateId, m.MessageId, m.CreatedAt }).ToListAsync();
        var stored = (await db.InboxMessages.Where(i => i.Consumer == nameof(VacancyMatchedConsumer)).ToListAsync()).ToDictionary(i => i.MessageId, i => i.ProcessedAt);
        var lags = new List<TimeSpan>();
        var unanswered = new List<Guid>();
        foreach (var vacancy in posted)
        {
            if (stored.TryGetValue(DeterministicId.From(vacancy.MessageId, nameof(CrmAlliance.Contracts.VacancyMatched)), out var at))
            {
                lags.Add(at - vacancy.CreatedAt);
            }
            else
            {
                unanswered.Add(vacancy.AggregateId);
            }
        }

        Assert.True(unanswered.Count == 0, $"{unanswered.Count} of {posted.Count} posted vacancies have no stored matching answer: {string.Join(", ", unanswered.Take(5))}");

        var rounds = (await db.VacancyMatches.Select(m => new { m.VacancyId, m.CandidateId, m.MatchedAt, m.Status }).ToListAsync()).GroupBy(m => m.VacancyId).ToList();
        Assert.Equal(posted.Select(p => p.AggregateId).Distinct().Order(), rounds.Select(r => r.Key).Order());
        var twice = rounds.Where(r => r.GroupBy(m => (m.MatchedAt, m.CandidateId)).Any(g => g.Count() > 1)).Select(r => r.Key).ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} vacancies have a matching answer stored twice: {string.Join(", ", twice.Take(5))}");
        var again = rounds.Where(r => r.Select(m => m.MatchedAt).Distinct().Count() > 1 || r.Any(m => m.Status == MatchStatus.Superseded)).Select(r => r.Key).ToList();
        Assert.True(again.Count == 0, $"{again.Count} vacancies were matched more than once: {string.Join(", ", again.Take(5))}");
        var sizes = rounds.GroupBy(r => r.Count()).Select(g => $"{g.Count()} vacancies with {g.Key} suggestions").ToList();
        Assert.True(sizes.Count == 1, "Vacancies of the same profile got different numbers of suggestions: " + string.Join(", ", sizes));

        var failures = await db.ConsumerFailures.Select(f => $"{f.MessageType} on {f.Host}: {f.ExceptionMessage}").ToListAsync();
        Assert.True(failures.Count == 0, "Consumers gave up on messages:\n" + string.Join('\n', failures.Take(5)));
        var parked = (await RabbitMqBroker.ListAsync(virtualHost, "list_queues", "name", "messages"))
            .Where(q => q[0].EndsWith("_error", StringComparison.Ordinal) || q[0].EndsWith("_skipped", StringComparison.Ordinal))
            .Where(q => q[1] != "0")
            .Select(q => $"{q[0]}: {q[1]}")
            .ToList();
        Assert.True(parked.Count == 0, "Messages parked at the broker: " + string.Join(", ", parked));
        var matchedAt = rounds.ToDictionary(r => r.Key, r => r.Min(m => m.MatchedAt));
        return (lags, posted.Select(p => matchedAt[p.AggregateId] - p.CreatedAt).ToList());
    }

    /// <summary>Outbox rows published more than 5 s after their commit (those the killed replica had claimed), and the longest wait.</summary>
    public static async Task<(int Delayed, TimeSpan Longest)> OutboxDelaysAsync(TestDatabase database)
    {
        await using var db = database.NewDbContext();
        var delays = (await db.OutboxMessages.Select(m => new { m.CreatedAt, m.SentAt }).ToListAsync()).Select(m => m.SentAt!.Value - m.CreatedAt).ToList();
        return (delays.Count(d => d > TimeSpan.FromSeconds(5)), delays.DefaultIfEmpty().Max());
    }

    /// <summary>At the contested workplace no round's period holds more approved placements than the rule allows, and the rule was contested.</summary>
    public static async Task RatioRuleHeldAsync(TestDatabase database, ReplicaLoadDriver driver, ContestedWorkplace contested, int places)
    {
        var workplaceId = GlobalId.Parse(contested.WorkplaceId, "Workplace", "id");
        await using var db = database.NewDbContext();
        var taken = await db.Placements
            .Where(p => p.WorkplaceId == workplaceId && (p.Status == PlacementStatus.Approved || p.Status == PlacementStatus.Active))
            .Select(p => p.PlannedStart)
            .ToListAsync();
        var overfull = taken.GroupBy(start => start).Where(g => g.Count() > places).Select(g => $"{g.Key}: {g.Count()}").ToList();
        Assert.True(overfull.Count == 0, $"The ratio rule ({places} place) was exceeded at the contested workplace: {string.Join(", ", overfull)}");
        Assert.True(driver.ContestRounds >= 5, $"Only {driver.ContestRounds} contest rounds ran.");
        Assert.True(driver.Approvals.Select(x => x.Round).Distinct().Count() >= driver.ContestRounds / 2, "Most contest rounds should approve one placement.");
        Assert.True(driver.Refused > 0, "No proposal or approval was refused: the ratio rule was never contested.");
    }

    /// <summary>The read model the replicas kept up under load and kills equals one rebuilt from the rows.</summary>
    public static async Task YieldReadModelEqualsRebuildAsync(TestDatabase database)
    {
        string kept;
        await using (var db = database.NewDbContext())
        {
            kept = await ReadModelSnapshot.TakeAsync(db);
        }

        await HostProcess.RunToEndAsync(HostProcess.BuildOutput("CrmAlliance.Api"), database.ProcessSettings, "rebuild-yield");
        await using (var db = database.NewDbContext())
        {
            var rebuilt = await ReadModelSnapshot.TakeAsync(db);
            Assert.Equal(rebuilt, kept);
        }
    }
}
