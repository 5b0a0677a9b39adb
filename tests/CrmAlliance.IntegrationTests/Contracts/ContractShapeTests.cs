using System.Text.Json;
using System.Text.Json.Nodes;
using CrmAlliance.Contracts;
using CrmAlliance.Contracts.Snapshots;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Contracts;

/// <summary>
/// The bus contracts are a published API: each message's JSON (camelCase, as MassTransit's System.Text.Json
/// serializer writes it) is pinned in schema/contracts.json, so a breaking change shows up as a diff.
/// </summary>
public sealed class ContractShapeTests
{
    private static readonly Guid Id = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2027, 1, 4);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>One example of every contract.</summary>
    private static readonly object[] Examples =
    [
        new VacancyPosted(Id, Id, Id, "9000", "Internship", "5223", ["kasseekspedition", "kundeservice"], 2, Day, Day.AddDays(-14), At),
        new VacancyChanged(Id, Id, Id, "9000", "Internship", "5223", ["kundeservice"], 1, Day, null, At),
        new VacancyClosed(Id, "Filled", At),
        new VacancyMatched(Id, [new CandidateMatch(Id, 0.87, "same occupation group 5223; 4 of 5 skills; 12 km; available", new MatchReasons("522310", 4, 4, 5, "9000", true, "9380", 11.95, Day, Day))], At, At),
        new CandidateRegistered(Id, "InsuredUnemployed", ["5223"], ["kundeservice"], "Vocational", "9200", Day, At),
        new CandidateChanged(Id, "InsuredUnemployed", ["5223", "5230"], ["kundeservice"], "Vocational", "9200", Day, At, [new BusyPeriod(Day, Day.AddMonths(3))]),
        new CandidateWithdrawn(Id, At),
        new PlacementStarted(Id, Id, Id, Id, null, "WageSubsidy", "ActivityReadySocialAssistance", Day, Day.AddMonths(6)),
        new PlacementEnded(Id, Id, "WageSubsidy", "Completed", Day, Day.AddMonths(6)),
        new OutcomeRecorded(Id, Id, 6, null, true, At),
        new CompanyChanged(Id, At),
        new ContactLogged(Id, Id, At),
        new PledgeChanged(Id, Id, false, At),
    ];

    [Fact]
    public void Every_contracts_JSON_shape_matches_schema_contracts_json()
    {
        var document = new JsonObject();
        foreach (var example in Examples)
        {
            document[example.GetType().Name] = JsonSerializer.SerializeToNode(example, example.GetType(), Json);
        }

        Snapshots.AssertMatches("schema/contracts.json", document.ToJsonString(Json));
    }

    [Fact]
    public void Every_public_contract_has_an_example()
    {
        var contracts = typeof(VacancyPosted).Assembly.GetExportedTypes().Where(t => t.Namespace == "CrmAlliance.Contracts").Select(t => t.Name);

        Assert.Equal(contracts.Order(), Examples.Select(e => e.GetType().Name).Append(nameof(CandidateMatch)).Append(nameof(MatchReasons)).Order());
    }

    [Fact]
    public void A_match_from_a_sender_that_predates_its_reasons_still_reads()
    {
        var match = JsonSerializer.Deserialize<CandidateMatch>($$"""{"candidateId":"{{Id}}","score":0.87,"explanation":"same occupation group 5223; 4 of 5 skills; 12 km; available"}""", Json);

        Assert.Equal(new CandidateMatch(Id, 0.87, "same occupation group 5223; 4 of 5 skills; 12 km; available"), match);
        Assert.Null(match!.Reasons);
    }

    [Fact]
    public void A_candidate_change_and_a_snapshot_row_from_a_sender_that_predates_busy_periods_still_read()
    {
        const string fields = """
            "targetGroup":"InsuredUnemployed","soughtOccupations":["5223"],"skills":["kundeservice"],"educationLevel":"Vocational","postcode":"9200","availableFrom":"2027-01-04"
            """;
        var changed = JsonSerializer.Deserialize<CandidateChanged>($$"""{"candidateId":"{{Id}}",{{fields}},"changedAt":"2026-11-24T09:30:00+00:00"}""", Json);
        var row = JsonSerializer.Deserialize<CandidateProfile>($$"""{"candidateId":"{{Id}}",{{fields}},"asOf":"2026-11-24T09:30:00+00:00"}""", Json);

        Assert.Equal(Day, changed!.AvailableFrom);
        Assert.Null(changed.BusyPeriods);
        Assert.Equal(At, row!.AsOf);
        Assert.Null(row.BusyPeriods);
    }

    [Fact]
    public void A_snapshot_row_carries_its_busy_periods()
    {
        var row = new CandidateProfile(Id, "InsuredUnemployed", ["5223"], [], "Vocational", "9200", Day, At, [new BusyPeriod(Day, Day.AddDays(30))]);

        var read = JsonSerializer.Deserialize<CandidateProfile>(JsonSerializer.Serialize(row, Json), Json);

        Assert.Equal(new BusyPeriod(Day, Day.AddDays(30)), Assert.Single(read!.BusyPeriods!));
    }

    [Fact]
    public void The_contracts_depend_on_nothing_but_the_runtime()
    {
        var references = typeof(VacancyPosted).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard", $"{name} is a dependency of the contracts."));
    }
}
