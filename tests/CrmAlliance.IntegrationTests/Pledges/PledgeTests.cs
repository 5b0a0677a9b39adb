using System.Text.Json.Nodes;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Pledges;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Pledges;

public sealed class PledgeTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string PledgeFields = """
        id periodStart periodEnd ordinaryJobs internships wageSubsidyJobs adultApprenticeships flexJobs mentors targetGroups note recordedAt
        company { id } recordedBy { id }
        """;

    internal const string RecordPledge = "mutation($input: RecordPledgeInput!) { recordPledge(input: $input) { " + PledgeFields + " } }";

    internal const string UpdatePledge = "mutation($input: UpdatePledgeInput!) { updatePledge(input: $input) { " + PledgeFields + " } }";

    internal const string RemovePledge = "mutation($id: ID!) { removePledge(id: $id) }";

    private const string Pledges = """
        query($companyId: ID, $activeOn: DateOnly, $first: Int, $after: String) {
          pledges(companyId: $companyId, activeOn: $activeOn, first: $first, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { periodStart periodEnd note } }
          }
        }
        """;

    [Fact]
    public async Task A_consultant_records_a_pledge_with_every_field()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Tilsagn A/S");

        var data = await consultant.Client.QueryAsync(RecordPledge, new
        {
            input = new
            {
                companyId,
                periodStart = "2026-01-01",
                periodEnd = "2026-12-31",
                ordinaryJobs = 2,
                internships = 4,
                wageSubsidyJobs = 1,
                adultApprenticeships = 1,
                flexJobs = 3,
                mentors = 2,
                targetGroups = new[] { "INTEGRATION", "ACTIVITY_READY_SOCIAL_ASSISTANCE", "INTEGRATION" },
                note = "  Aftalt på mødet i januar  ",
            },
        });

        var pledge = data["recordPledge"]!;
        Assert.Equal("2026-01-01", pledge["periodStart"]!.GetValue<string>());
        Assert.Equal("2026-12-31", pledge["periodEnd"]!.GetValue<string>());
        Assert.Equal([2, 4, 1, 1, 3, 2], new[] { "ordinaryJobs", "internships", "wageSubsidyJobs", "adultApprenticeships", "flexJobs", "mentors" }.Select(f => pledge[f]!.GetValue<int>()));
        Assert.Equal(["ACTIVITY_READY_SOCIAL_ASSISTANCE", "INTEGRATION"], pledge["targetGroups"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal("Aftalt på mødet i januar", pledge["note"]!.GetValue<string>());
        Assert.Equal(companyId, pledge["company"]!["id"]!.GetValue<string>());
        Assert.Equal(consultant.Id, pledge["recordedBy"]!["id"]!.GetValue<string>());

        await using var db = factory.NewDbContext();
        var stored = await db.Pledges.SingleAsync(p => p.Id == GlobalId.Parse(pledge["id"]!.GetValue<string>(), "Pledge", "id"));
        Assert.Equal([TargetGroup.ActivityReadySocialAssistance, TargetGroup.Integration], stored.TargetGroups);
        Assert.Equal(GlobalId.ParseKey(consultant.Id, "User", "id"), stored.RecordedBy);
    }

    [Fact]
    public async Task Counts_left_out_are_zero()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Kun Mentorer ApS");

        var data = await consultant.Client.QueryAsync(RecordPledge, new { input = new { companyId, periodStart = "2026-01-01", periodEnd = "2026-06-30", mentors = 1 } });

        Assert.Equal(0, data["recordPledge"]!["internships"]!.GetValue<int>());
        Assert.Empty(data["recordPledge"]!["targetGroups"]!.AsArray());
        Assert.Null(data["recordPledge"]!["note"]);
    }

    [Fact]
    public async Task Bad_fields_are_refused_one_by_one_and_nothing_is_stored()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Fejltilsagn A/S");

        var backwards = await consultant.Client.SendAsync(RecordPledge, new { input = new { companyId, periodStart = "2026-06-01", periodEnd = "2026-06-01", internships = 1 } });
        var tooLong = await consultant.Client.SendAsync(RecordPledge, new { input = new { companyId, periodStart = "2026-01-01", periodEnd = "2029-01-02", internships = 1 } });
        var outOfRange = await consultant.Client.SendAsync(RecordPledge, new { input = new { companyId, periodStart = "2026-01-01", periodEnd = "2026-12-31", ordinaryJobs = 1, internships = -1, mentors = 1001, note = new string('x', 4001) } });
        var empty = await consultant.Client.SendAsync(RecordPledge, new { input = new { companyId, periodStart = "2026-01-01", periodEnd = "2026-12-31" } });

        Assert.Equal(["input.periodEnd"], backwards.ShouldFailWith("VALIDATION").Fields);
        Assert.Equal(["input.periodEnd"], tooLong.ShouldFailWith("VALIDATION").Fields);
        Assert.Contains("2029-01-01", tooLong.Message);
        Assert.Equal(["input.internships", "input.mentors", "input.note"], outOfRange.ShouldFailWith("VALIDATION").Fields);
        Assert.Equal(["input.ordinaryJobs"], empty.ShouldFailWith("VALIDATION").Fields);
        Assert.Contains("at least one", empty.Message);
        await using var db = factory.NewDbContext();
        Assert.False(await db.Pledges.AnyAsync(p => p.CompanyId == GlobalId.Parse(companyId, "Company", "id")));
    }

    [Fact]
    public async Task An_overlapping_period_is_refused_with_CONFLICT_naming_the_existing_one_but_an_adjacent_one_is_accepted()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Overlap A/S");
        var otherId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Andet Overlap A/S");
        await RecordAsync(consultant.Client, companyId, "2026-01-01", "2026-12-31");

        var overlapping = await consultant.Client.SendAsync(RecordPledge, new { input = new { companyId, periodStart = "2026-12-31", periodEnd = "2027-06-30", internships = 9 } });
        await RecordAsync(consultant.Client, companyId, "2027-01-01", "2027-12-31");
        await RecordAsync(consultant.Client, otherId, "2026-03-01", "2026-09-30");

        overlapping.ShouldFailWith("CONFLICT");
        Assert.Contains("2026-01-01 to 2026-12-31", overlapping.Message);
        await using var db = factory.NewDbContext();
        var company = GlobalId.Parse(companyId, "Company", "id");
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1)], await db.Pledges.Where(p => p.CompanyId == company).OrderBy(p => p.PeriodStart).Select(p => p.PeriodStart).ToListAsync());
        Assert.False(await db.Pledges.AnyAsync(p => p.Internships == 9 && p.CompanyId == company));
    }

    [Fact]
    public async Task A_pledge_for_an_unknown_company_is_refused_with_NOT_FOUND()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var response = await consultant.Client.SendAsync(RecordPledge, new { input = new { companyId = GlobalId.Encode("Company", Guid.NewGuid()), periodStart = "2026-01-01", periodEnd = "2026-12-31", mentors = 1 } });

        Assert.Equal(["input.companyId"], response.ShouldFailWith("NOT_FOUND").Fields);
    }

    [Fact]
    public async Task Updating_a_pledge_replaces_its_terms_and_keeps_who_recorded_it()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var manager = await factory.CreateUserAsync("MANAGER");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Ændring A/S");
        var id = await RecordAsync(consultant.Client, companyId, "2026-01-01", "2026-12-31");

        var data = await manager.Client.QueryAsync(UpdatePledge, new { input = UpdateInput(id, "2026-01-01", "2027-06-30", internships: 6, note: "Forlænget") });

        var pledge = data["updatePledge"]!;
        Assert.Equal("2027-06-30", pledge["periodEnd"]!.GetValue<string>());
        Assert.Equal(6, pledge["internships"]!.GetValue<int>());
        Assert.Equal(0, pledge["mentors"]!.GetValue<int>());
        Assert.Equal(["NEW_GRADUATE"], pledge["targetGroups"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal("Forlænget", pledge["note"]!.GetValue<string>());
        Assert.Equal(consultant.Id, pledge["recordedBy"]!["id"]!.GetValue<string>());
        var stored = await LoadAsync(id);
        Assert.Equal(new DateOnly(2027, 6, 30), stored.PeriodEnd);
        Assert.Equal(GlobalId.ParseKey(consultant.Id, "User", "id"), stored.RecordedBy);
    }

    [Fact]
    public async Task An_update_that_would_overlap_another_pledge_is_refused_and_changes_nothing()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Opdateret Overlap A/S");
        var first = await RecordAsync(consultant.Client, companyId, "2026-01-01", "2026-06-30");
        await RecordAsync(consultant.Client, companyId, "2026-07-01", "2026-12-31");

        var response = await consultant.Client.SendAsync(UpdatePledge, new { input = UpdateInput(first, "2026-01-01", "2026-09-30", internships: 7) });

        response.ShouldFailWith("CONFLICT");
        Assert.Contains("2026-07-01 to 2026-12-31", response.Message);
        var stored = await LoadAsync(first);
        Assert.Equal(new DateOnly(2026, 6, 30), stored.PeriodEnd);
        Assert.Equal(2, stored.Internships);
    }

    [Fact]
    public async Task An_update_with_bad_fields_is_refused_and_changes_nothing()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Dårlig Ændring ApS");
        var id = await RecordAsync(consultant.Client, companyId, "2026-01-01", "2026-12-31");

        var response = await consultant.Client.SendAsync(UpdatePledge, new { input = UpdateInput(id, "2026-01-01", "2025-12-31", internships: 0) });

        Assert.Equal(["input.periodEnd", "input.ordinaryJobs"], response.ShouldFailWith("VALIDATION").Fields);
        var stored = await LoadAsync(id);
        Assert.Equal(new DateOnly(2026, 12, 31), stored.PeriodEnd);
        Assert.Equal(2, stored.Internships);
    }

    [Fact]
    public async Task Updating_or_removing_an_unknown_pledge_is_refused_with_NOT_FOUND()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var unknown = GlobalId.Encode("Pledge", Guid.NewGuid());

        var update = await consultant.Client.SendAsync(UpdatePledge, new { input = UpdateInput(unknown, "2026-01-01", "2026-12-31", internships: 1) });
        var remove = await consultant.Client.SendAsync(RemovePledge, new { id = unknown });

        Assert.Equal(["input.id"], update.ShouldFailWith("NOT_FOUND").Fields);
        Assert.Equal(["id"], remove.ShouldFailWith("NOT_FOUND").Fields);
    }

    [Fact]
    public async Task Removing_a_pledge_deletes_it()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Fortrudt A/S");
        var id = await RecordAsync(consultant.Client, companyId, "2026-01-01", "2026-12-31");

        var data = await consultant.Client.QueryAsync(RemovePledge, new { id });

        Assert.Equal(id, data["removePledge"]!.GetValue<string>());
        await using var db = factory.NewDbContext();
        Assert.False(await db.Pledges.AnyAsync(p => p.Id == GlobalId.Parse(id, "Pledge", "id")));
    }

    [Fact]
    public async Task Pledges_are_listed_latest_period_first_by_company_and_by_the_day_they_run_on()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Perioder A/S");
        await RecordAsync(consultant.Client, companyId, "2024-01-01", "2024-12-31");
        await RecordAsync(consultant.Client, companyId, "2025-01-01", "2025-12-31");
        await RecordAsync(consultant.Client, companyId, "2026-01-01", "2027-12-31");

        var firstPage = (await consultant.Client.QueryAsync(Pledges, new { companyId, first = 2 }))["pledges"]!;
        var secondPage = (await consultant.Client.QueryAsync(Pledges, new { companyId, first = 2, after = firstPage["pageInfo"]!["endCursor"]!.GetValue<string>() }))["pledges"]!;
        var activeMid2025 = (await consultant.Client.QueryAsync(Pledges, new { companyId, activeOn = "2025-06-15" }))["pledges"]!;
        var activeOnLastDay = (await consultant.Client.QueryAsync(Pledges, new { companyId, activeOn = "2024-12-31" }))["pledges"]!;

        Assert.Equal(3, firstPage["totalCount"]!.GetValue<int>());
        Assert.Equal(["2026-01-01", "2025-01-01"], Starts(firstPage));
        Assert.Equal(["2024-01-01"], Starts(secondPage));
        Assert.Equal(["2025-01-01"], Starts(activeMid2025));
        Assert.Equal(["2024-01-01"], Starts(activeOnLastDay));
    }

    [Fact]
    public async Task A_company_s_pledges_for_a_page_of_companies_take_the_same_number_of_SQL_round_trips_whatever_the_page_size()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var marker = TestData.UniqueLetters(12);
        for (var i = 0; i < 4; i++)
        {
            var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, $"Tilsagnsrunde {marker} {i}");
            await RecordAsync(consultant.Client, companyId, "2025-01-01", "2025-12-31");
            await RecordAsync(consultant.Client, companyId, "2026-01-01", "2026-12-31");
        }

        const string Query = """
            query($name: String, $first: Int) {
              companies(filter: { nameContains: $name }, first: $first) {
                edges { node { name pledges { periodStart recordedBy { id } company { name } } } }
              }
            }
            """;

        Task<(int RoundTrips, JsonNode Data)> RunAsync(int first) => factory.QueryCountingAsync(consultant.Client, Query, new { name = marker, first });

        var one = await RunAsync(1);
        var four = await RunAsync(4);

        Assert.Equal(one.RoundTrips, four.RoundTrips);

        // Count and page of companies, then one batch each for the pledges, their users and their companies.
        Assert.InRange(four.RoundTrips, 1, 5);
        var edges = four.Data["companies"]!["edges"]!.AsArray();
        Assert.Equal(4, edges.Count);
        Assert.All(edges, e => Assert.Equal(["2026-01-01", "2025-01-01"], e!["node"]!["pledges"]!.AsArray().Select(p => p!["periodStart"]!.GetValue<string>())));
    }

    internal static async Task<string> RecordAsync(GraphQLClient client, string companyId, string periodStart, string periodEnd, string? note = "Intern note")
    {
        var data = await client.QueryAsync(RecordPledge, new { input = new { companyId, periodStart, periodEnd, internships = 2, mentors = 1, targetGroups = new[] { "INSURED_UNEMPLOYED" }, note } });
        return data.Id("recordPledge");
    }

    internal static object UpdateInput(string id, string periodStart, string periodEnd, int internships, string? note = null, int version = 1) => new
    {
        id,
        version,
        periodStart,
        periodEnd,
        ordinaryJobs = 0,
        internships,
        wageSubsidyJobs = 0,
        adultApprenticeships = 0,
        flexJobs = 0,
        mentors = 0,
        targetGroups = new[] { "NEW_GRADUATE" },
        note,
    };

    private static List<string> Starts(JsonNode connection)
        => connection["edges"]!.AsArray().Select(e => e!["node"]!["periodStart"]!.GetValue<string>()).ToList();

    private async Task<Pledge> LoadAsync(string pledgeId)
    {
        await using var db = factory.NewDbContext();
        var id = GlobalId.Parse(pledgeId, "Pledge", "id");
        return await db.Pledges.AsNoTracking().SingleAsync(p => p.Id == id);
    }
}
