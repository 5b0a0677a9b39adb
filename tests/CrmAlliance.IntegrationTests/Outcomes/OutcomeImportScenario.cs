using System.Text.Json.Nodes;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Contracts;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Outcomes;

/// <summary>A placement the import can name: its id, its candidate's case reference and its company.</summary>
public sealed record TestPlacement(Guid Id, string CaseReference, Guid CompanyId);

/// <summary>Arranges ended placements past the API (their life cycle is tested elsewhere) and drives the import.</summary>
public static class OutcomeImportScenario
{
    public const string Import = """
        mutation($input: ImportOutcomeFollowUpsInput!, $statuses: [ImportLineStatus!]) {
          importOutcomeFollowUps(input: $input) {
            dryRun committed source separator lineCount rejectedLineCount eventsStaged
            outcomes { created updated unchanged }
            lines(statuses: $statuses) { line caseReference placementId monthsAfterEnd status outcomeId errors { field reason } }
          }
        }
        """;

    public const string Header = "caseReference,placementId,monthsAfterEnd,endResult,selfSupporting,observedOn";

    public static string File(params string[] lines) => Header + "\n" + string.Join("\n", lines) + "\n";

    public static string Line(TestPlacement placement, int months, string endResult = "", string selfSupporting = "", string observedOn = "", string? caseReference = null)
        => $"{caseReference ?? placement.CaseReference},{placement.Id},{months},{endResult},{selfSupporting},{observedOn}";

    /// <summary>
    /// Placements of one company, each for its own candidate (or all for one, which the pairing check
    /// allows), in <paramref name="status"/> and ended on <paramref name="actualEnd"/>.
    /// </summary>
    public static async Task<List<TestPlacement>> AddPlacementsAsync(this CrmApiFactory factory, int count, DateOnly? actualEnd, PlacementStatus status = PlacementStatus.Completed, bool oneCandidate = false)
    {
        await using var db = factory.NewDbContext();
        var cvr = TestData.NewCvr();
        var company = new Company { Cvr = cvr, Name = $"Opfølgning {cvr} ApS", IndustryCode = "620100", Address = "Vej 1", Postcode = "9000" };
        var workplace = new Workplace { CompanyId = company.Id, PNumber = TestData.NewPNumber(), Name = "Hovedkontor", Address = "Vej 1", Postcode = "9000", OrdinaryEmployees = 40 };
        db.AddRange(company, workplace);
        var shared = oneCandidate ? NewCandidate() : null;
        var placements = new List<TestPlacement>(count);
        for (var i = 0; i < count; i++)
        {
            var candidate = shared ?? NewCandidate();
            if (i == 0 || shared is null)
            {
                db.Candidates.Add(candidate);
            }

            var end = actualEnd ?? TestData.Today.AddDays(30);
            var started = actualEnd is not null || status == PlacementStatus.Active;
            var placement = new Placement
            {
                CandidateId = candidate.Id,
                CompanyId = company.Id,
                WorkplaceId = workplace.Id,
                OfferKind = OfferKind.OrdinaryJob,
                PlannedStart = end.AddDays(-27),
                PlannedEnd = end,
                ActualStart = started ? end.AddDays(-27) : null,
                ActualEnd = actualEnd,
                Status = status,
                ProposedBy = "test",
            };
            db.Placements.Add(placement);
            placements.Add(new TestPlacement(placement.Id, candidate.CaseReference, company.Id));
        }

        await db.SaveChangesAsync();
        return placements;
    }

    public static async Task<JsonNode> ImportAsync(this GraphQLClient client, string csv, string? fileName = null, bool? dryRun = null, string[]? statuses = null)
        => (await client.QueryAsync(Import, new { input = new { csv, fileName, dryRun }, statuses }))["importOutcomeFollowUps"]!;

    public static int[] Counts(JsonNode report)
        => [report["outcomes"]!["created"]!.GetValue<int>(), report["outcomes"]!["updated"]!.GetValue<int>(), report["outcomes"]!["unchanged"]!.GetValue<int>()];

    public static string[] Statuses(JsonNode report) => report["lines"]!.AsArray().Select(l => l!["status"]!.GetValue<string>()).ToArray();

    public static (int Line, string Field)[] Errors(JsonNode report)
        => report["lines"]!.AsArray().SelectMany(l => l!["errors"]!.AsArray().Select(e => (l["line"]!.GetValue<int>(), e!["field"]!.GetValue<string>()))).ToArray();

    public static string Reason(JsonNode report, int line)
        => report["lines"]!.AsArray().Single(l => l!["line"]!.GetValue<int>() == line)!["errors"]![0]!["reason"]!.GetValue<string>();

    public static async Task<List<Outcome>> OutcomesOfAsync(this CrmApiFactory factory, IEnumerable<TestPlacement> placements)
    {
        var ids = placements.Select(p => p.Id).ToList();
        await using var db = factory.NewDbContext();
        return await db.Outcomes.AsNoTracking().Where(o => ids.Contains(o.PlacementId)).OrderBy(o => o.PlacementId).ThenBy(o => o.MonthsAfterEnd).ToListAsync();
    }

    /// <summary>The OutcomeRecorded events staged in the outbox for the placements, in order.</summary>
    public static async Task<List<OutcomeRecorded>> EventsOfAsync(this CrmApiFactory factory, IEnumerable<TestPlacement> placements)
    {
        var ids = placements.Select(p => p.Id).ToList();
        await using var db = factory.NewDbContext();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.AggregateId)).OrderBy(m => m.Sequence).ToListAsync();
        return rows.Select(MessageTypes.Deserialize).Cast<OutcomeRecorded>().ToList();
    }

    private static int sequence;

    /// <summary>Letters and a short number: never a run of digits a CPR check could mistake, unlike random hex.</summary>
    public static string NewReference()
        => $"OUT-{string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('A' + Random.Shared.Next(26))))}-{Interlocked.Increment(ref sequence):D5}";

    private static Candidate NewCandidate() => new()
    {
        CaseReference = NewReference(),
        DisplayAlias = "Kandidat " + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(),
        Postcode = "9000",
        SoughtOccupations = ["5223"],
        AvailableFrom = TestData.Today,
    };
}
