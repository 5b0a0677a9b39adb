using System.Text.Json.Nodes;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.ContactLogs;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.ContactLogs;

public sealed class ContactLogTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    internal const string LogContact = """
        mutation($input: LogContactInput!) {
          logContact(input: $input) { id occurredAt channel summary outcome followUpOn followUpDone company { id } consultant { id } }
        }
        """;

    internal const string CompleteFollowUp = "mutation($id: ID!) { completeFollowUp(id: $id) { id followUpDone } }";

    private const string ContactLogs = """
        query($companyId: ID!, $from: DateOnly, $to: DateOnly, $first: Int, $after: String) {
          contactLogs(companyId: $companyId, from: $from, to: $to, first: $first, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { summary occurredAt } }
          }
        }
        """;

    private const string FollowUpsDue = """
        query($until: DateOnly, $consultantId: ID) {
          followUpsDue(until: $until, consultantId: $consultantId, first: 100) { totalCount edges { node { summary followUpOn } } }
        }
        """;

    private static readonly DateOnly Today = DanishCalendar.Today(TimeProvider.System);

    [Fact]
    public async Task A_consultant_logs_a_contact_and_is_recorded_as_its_consultant()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Kontakt A/S");
        var occurredAt = DateTimeOffset.UtcNow.AddHours(-2);

        var data = await consultant.Client.QueryAsync(LogContact, new
        {
            input = new { companyId, occurredAt, channel = "VISIT", summary = "  Besøg om praktikpladser  ", outcome = "To praktikpladser i foråret", followUpOn = Today.AddDays(14) },
        });

        var log = data["logContact"]!;
        Assert.Equal("VISIT", log["channel"]!.GetValue<string>());
        Assert.Equal("Besøg om praktikpladser", log["summary"]!.GetValue<string>());
        Assert.Equal("To praktikpladser i foråret", log["outcome"]!.GetValue<string>());
        Assert.Equal(Today.AddDays(14).ToString("yyyy-MM-dd"), log["followUpOn"]!.GetValue<string>());
        Assert.False(log["followUpDone"]!.GetValue<bool>());
        Assert.Equal(companyId, log["company"]!["id"]!.GetValue<string>());
        Assert.Equal(consultant.Id, log["consultant"]!["id"]!.GetValue<string>());
        Assert.Equal(occurredAt.UtcTicks / TimeSpan.TicksPerSecond, DateTimeOffset.Parse(log["occurredAt"]!.GetValue<string>()).UtcTicks / TimeSpan.TicksPerSecond);

        await using var db = factory.NewDbContext();
        var stored = await db.ContactLogs.SingleAsync(c => c.Id == GlobalId.Parse(log["id"]!.GetValue<string>(), "ContactLog", "id"));
        Assert.Equal(GlobalId.ParseKey(consultant.Id, "User", "id"), stored.ConsultantId);
        Assert.Equal(ContactChannel.Visit, stored.Channel);
    }

    [Fact]
    public async Task A_contact_up_to_a_day_ahead_is_accepted_without_outcome_or_follow_up()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Morgenmøde ApS");

        var data = await consultant.Client.QueryAsync(LogContact, new { input = new { companyId, occurredAt = DateTimeOffset.UtcNow.AddHours(23), channel = "MEETING", summary = "Møde i morgen tidlig" } });

        Assert.Null(data["logContact"]!["outcome"]);
        Assert.Null(data["logContact"]!["followUpOn"]);
    }

    [Fact]
    public async Task Bad_fields_are_refused_one_by_one_and_nothing_is_stored()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Fejlkontakt A/S");

        var response = await consultant.Client.SendAsync(LogContact, new
        {
            input = new { companyId, occurredAt = DateTimeOffset.UtcNow.AddDays(2), channel = "PHONE", summary = " ", outcome = new string('x', 1001), followUpOn = Today },
        });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.occurredAt", "input.summary", "input.outcome", "input.followUpOn"], response.Fields);
        Assert.Null(response.Data!["logContact"]);
        await AssertNoContactsAsync(companyId);
    }

    [Fact]
    public async Task A_summary_over_4000_characters_is_refused()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Langt Referat A/S");

        var response = await consultant.Client.SendAsync(LogContact, new { input = new { companyId, occurredAt = DateTimeOffset.UtcNow, channel = "EMAIL", summary = new string('x', 4001) } });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.summary"], response.Fields);
        await AssertNoContactsAsync(companyId);
    }

    [Fact]
    public async Task A_follow_up_before_the_contact_date_is_refused()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Bagud ApS");

        var response = await consultant.Client.SendAsync(LogContact, new { input = new { companyId, occurredAt = DateTimeOffset.UtcNow, channel = "PHONE", summary = "Opkald", followUpOn = Today.AddDays(-1) } });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.followUpOn"], response.Fields);
        await AssertNoContactsAsync(companyId);
    }

    [Fact]
    public async Task A_contact_with_an_unknown_company_is_refused_with_NOT_FOUND()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var response = await consultant.Client.SendAsync(LogContact, new { input = new { companyId = GlobalId.Encode("Company", Guid.NewGuid()), occurredAt = DateTimeOffset.UtcNow, channel = "PHONE", summary = "Opkald" } });

        response.ShouldFailWith("NOT_FOUND");
        Assert.Equal(["input.companyId"], response.Fields);
    }

    [Fact]
    public async Task Completing_a_follow_up_marks_it_done()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Opfølgning A/S");
        var id = await LogAsync(consultant.Client, companyId, "Ring tilbage", DateTimeOffset.UtcNow.AddDays(-3), Today);

        var data = await consultant.Client.QueryAsync(CompleteFollowUp, new { id });

        Assert.True(data["completeFollowUp"]!["followUpDone"]!.GetValue<bool>());
        Assert.True(await FollowUpDoneAsync(id));
    }

    [Fact]
    public async Task Completing_a_contact_without_a_follow_up_is_refused_with_VALIDATION()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Ingen Opfølgning ApS");
        var id = await LogAsync(consultant.Client, companyId, "Bare et opkald", DateTimeOffset.UtcNow.AddHours(-1), followUpOn: null);

        var response = await consultant.Client.SendAsync(CompleteFollowUp, new { id });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["id"], response.Fields);
        Assert.Contains("no follow-up", response.Message);
        Assert.False(await FollowUpDoneAsync(id));
    }

    [Fact]
    public async Task Completing_a_follow_up_twice_is_refused_with_CONFLICT_naming_its_date()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Dobbelt ApS");
        var id = await LogAsync(consultant.Client, companyId, "Ring tilbage", DateTimeOffset.UtcNow.AddDays(-2), Today.AddDays(-1));
        await consultant.Client.QueryAsync(CompleteFollowUp, new { id });

        var response = await consultant.Client.SendAsync(CompleteFollowUp, new { id });

        response.ShouldFailWith("CONFLICT");
        Assert.Contains($"already done", response.Message);
        Assert.Contains(Today.AddDays(-1).ToString("yyyy-MM-dd"), response.Message);
        Assert.True(await FollowUpDoneAsync(id));
    }

    [Fact]
    public async Task Completing_an_unknown_contact_is_refused_with_NOT_FOUND()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var response = await consultant.Client.SendAsync(CompleteFollowUp, new { id = GlobalId.Encode("ContactLog", Guid.NewGuid()) });

        response.ShouldFailWith("NOT_FOUND");
    }

    [Fact]
    public async Task A_company_s_contacts_are_listed_newest_first_page_by_page_and_by_Danish_date()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Historik A/S");
        var otherId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Anden Historik A/S");
        // 22:30 UTC on 1 March is 23:30 on 1 March in Denmark; 23:30 UTC on 1 March is already 2 March there.
        await LogAsync(consultant.Client, companyId, "Første", new DateTimeOffset(2025, 3, 1, 22, 30, 0, TimeSpan.Zero), null);
        await LogAsync(consultant.Client, companyId, "Anden", new DateTimeOffset(2025, 3, 1, 23, 30, 0, TimeSpan.Zero), null);
        await LogAsync(consultant.Client, companyId, "Tredje", new DateTimeOffset(2025, 3, 5, 9, 0, 0, TimeSpan.Zero), null);
        await LogAsync(consultant.Client, otherId, "Andet firma", new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero), null);

        var firstPage = (await consultant.Client.QueryAsync(ContactLogs, new { companyId, first = 2 }))["contactLogs"]!;
        var secondPage = (await consultant.Client.QueryAsync(ContactLogs, new { companyId, first = 2, after = firstPage["pageInfo"]!["endCursor"]!.GetValue<string>() }))["contactLogs"]!;
        var marchSecond = (await consultant.Client.QueryAsync(ContactLogs, new { companyId, from = "2025-03-02", to = "2025-03-02" }))["contactLogs"]!;
        var fromSecond = (await consultant.Client.QueryAsync(ContactLogs, new { companyId, from = "2025-03-02" }))["contactLogs"]!;

        Assert.Equal(3, firstPage["totalCount"]!.GetValue<int>());
        Assert.Equal(["Tredje", "Anden"], Summaries(firstPage));
        Assert.True(firstPage["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(["Første"], Summaries(secondPage));
        Assert.Equal(["Anden"], Summaries(marchSecond));
        Assert.Equal(["Tredje", "Anden"], Summaries(fromSecond));
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Omvendt ApS");

        var response = await consultant.Client.SendAsync(ContactLogs, new { companyId, from = "2025-03-02", to = "2025-03-01" });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["to"], response.Fields);
    }

    [Fact]
    public async Task A_consultant_s_follow_ups_due_are_their_own_open_ones_up_to_today_earliest_first()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var colleague = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Opgaver A/S");
        var now = DateTimeOffset.UtcNow.AddDays(-20);
        await LogAsync(consultant.Client, companyId, "I dag", now, Today);
        await LogAsync(consultant.Client, companyId, "For en uge siden", now, Today.AddDays(-7));
        await LogAsync(consultant.Client, companyId, "Om ti dage", now, Today.AddDays(10));
        await LogAsync(consultant.Client, companyId, "Ingen opfølgning", now, null);
        var done = await LogAsync(consultant.Client, companyId, "Allerede gjort", now, Today.AddDays(-3));
        await consultant.Client.QueryAsync(CompleteFollowUp, new { id = done });
        await LogAsync(colleague.Client, companyId, "Kollegaens", now, Today.AddDays(-1));

        var dueToday = (await consultant.Client.QueryAsync(FollowUpsDue))["followUpsDue"]!;
        var dueInTwoWeeks = (await consultant.Client.QueryAsync(FollowUpsDue, new { until = Today.AddDays(14) }))["followUpsDue"]!;
        var ownByName = (await consultant.Client.QueryAsync(FollowUpsDue, new { consultantId = consultant.Id }))["followUpsDue"]!;

        Assert.Equal(["For en uge siden", "I dag"], Summaries(dueToday));
        Assert.Equal(["For en uge siden", "I dag", "Om ti dage"], Summaries(dueInTwoWeeks));
        Assert.Equal(["For en uge siden", "I dag"], Summaries(ownByName));
    }

    [Fact]
    public async Task A_manager_sees_everyone_s_follow_ups_or_one_consultant_s_but_a_consultant_may_not_ask_for_a_colleague_s()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var colleague = await factory.CreateUserAsync("CONSULTANT");
        var manager = await factory.CreateUserAsync("MANAGER");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Overblik A/S");
        var mine = "Min " + TestData.UniqueLetters(32);
        var theirs = "Kollegaens " + TestData.UniqueLetters(32);
        await LogAsync(consultant.Client, companyId, mine, DateTimeOffset.UtcNow.AddDays(-5), Today.AddDays(-2));
        await LogAsync(colleague.Client, companyId, theirs, DateTimeOffset.UtcNow.AddDays(-5), Today.AddDays(-1));

        var everyone = Summaries((await manager.Client.QueryAsync(FollowUpsDue))["followUpsDue"]!);
        var colleagueOnly = Summaries((await manager.Client.QueryAsync(FollowUpsDue, new { consultantId = colleague.Id }))["followUpsDue"]!);
        var refused = await consultant.Client.SendAsync(FollowUpsDue, new { consultantId = colleague.Id });

        Assert.Contains(mine, everyone);
        Assert.Contains(theirs, everyone);
        Assert.Equal([theirs], colleagueOnly);
        refused.ShouldFailWith("FORBIDDEN");
    }

    [Fact]
    public async Task Latest_contacts_of_a_company_are_the_newest_few_and_more_than_20_is_refused()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, "Seneste A/S");
        for (var day = 1; day <= 5; day++)
        {
            await LogAsync(consultant.Client, companyId, $"Dag {day}", new DateTimeOffset(2025, 4, day, 10, 0, 0, TimeSpan.Zero), null);
        }

        const string Query = "query($id: ID!, $first: Int) { company(id: $id) { latestContacts(first: $first) { summary } } }";
        const string DefaultQuery = "query($id: ID!) { company(id: $id) { latestContacts { summary } } }";
        var two = await consultant.Client.QueryAsync(Query, new { id = companyId, first = 2 });
        var byDefault = await consultant.Client.QueryAsync(DefaultQuery, new { id = companyId });
        var tooMany = await consultant.Client.SendAsync(Query, new { id = companyId, first = 21 });

        Assert.Equal(["Dag 5", "Dag 4"], two["company"]!["latestContacts"]!.AsArray().Select(n => n!["summary"]!.GetValue<string>()));
        Assert.Equal(["Dag 5", "Dag 4", "Dag 3"], byDefault["company"]!["latestContacts"]!.AsArray().Select(n => n!["summary"]!.GetValue<string>()));
        tooMany.ShouldFailWith("VALIDATION");
        Assert.Equal(["first"], tooMany.Fields);
    }

    [Fact]
    public async Task Latest_contacts_for_a_page_of_companies_take_the_same_number_of_SQL_round_trips_whatever_the_page_size()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var marker = TestData.UniqueLetters(12);
        for (var i = 0; i < 4; i++)
        {
            var companyId = await TestCompanies.RegisterCompanyAsync(consultant.Client, $"Runde {marker} {i}");
            await LogAsync(consultant.Client, companyId, $"Kontakt {i}a", DateTimeOffset.UtcNow.AddDays(-2), null);
            await LogAsync(consultant.Client, companyId, $"Kontakt {i}b", DateTimeOffset.UtcNow.AddDays(-1), null);
        }

        const string Query = """
            query($name: String, $first: Int) {
              companies(filter: { nameContains: $name }, first: $first) {
                edges { node { name latestContacts(first: 1) { summary consultant { id } company { name } } } }
              }
            }
            """;

        Task<(int RoundTrips, JsonNode Data)> RunAsync(int first) => factory.QueryCountingAsync(consultant.Client, Query, new { name = marker, first });

        var one = await RunAsync(1);
        var four = await RunAsync(4);

        Assert.Equal(one.RoundTrips, four.RoundTrips);

        // Count and page of companies, then one batch each for the latest contacts, their users and their companies.
        Assert.InRange(four.RoundTrips, 1, 5);
        var edges = four.Data["companies"]!["edges"]!.AsArray();
        Assert.Equal(4, edges.Count);
        Assert.All(edges, e => Assert.EndsWith("b", e!["node"]!["latestContacts"]![0]!["summary"]!.GetValue<string>()));
    }

    internal static async Task<string> LogAsync(GraphQLClient consultant, string companyId, string summary, DateTimeOffset occurredAt, DateOnly? followUpOn)
    {
        var data = await consultant.QueryAsync(LogContact, new { input = new { companyId, occurredAt, channel = "PHONE", summary, followUpOn } });
        return data.Id("logContact");
    }

    private static List<string> Summaries(JsonNode connection)
        => connection["edges"]!.AsArray().Select(e => e!["node"]!["summary"]!.GetValue<string>()).ToList();

    private async Task AssertNoContactsAsync(string companyId)
    {
        await using var db = factory.NewDbContext();
        var id = GlobalId.Parse(companyId, "Company", "companyId");
        Assert.False(await db.ContactLogs.AnyAsync(c => c.CompanyId == id));
    }

    private async Task<bool> FollowUpDoneAsync(string contactLogId)
    {
        await using var db = factory.NewDbContext();
        var id = GlobalId.Parse(contactLogId, "ContactLog", "id");
        return (await db.ContactLogs.SingleAsync(c => c.Id == id)).FollowUpDone;
    }
}
