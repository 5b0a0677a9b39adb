using System.Net;
using System.Net.Http.Json;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.ContactLogs;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Pledges;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using static CrmAlliance.IntegrationTests.Exports.ExportScenario;

namespace CrmAlliance.IntegrationTests.Exports;

public class RawRowExportTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    public static TheoryData<string> Tables => new() { "companies", "vacancies", "placements", "outcomes", "contacts", "pledges" };

    private async Task<HttpClient> ManagerAsync() => (await factory.CreateUserAsync("MANAGER")).Client.Http;

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task Each_file_has_exactly_the_columns_ExportColumns_md_documents_in_that_order(string table)
    {
        var export = await (await ManagerAsync()).ExportAsync(table, "2025");

        Assert.Equal(HttpStatusCode.OK, export.Status);
        Assert.Equal(DocumentedColumns(table), export.Header);
    }

    [Fact]
    public async Task The_file_is_UTF8_CSV_with_a_BOM_CRLF_lines_and_a_name_that_says_table_and_period()
    {
        var manager = await ManagerAsync();

        var year = await manager.ExportAsync("placements", "2025");
        var range = await manager.ExportAsync("pledges", "2025-01..2025-06");

        Assert.Equal("text/csv; charset=utf-8", year.ContentType);
        Assert.Equal(("placements-2025.csv", "pledges-2025-01_2025-06.csv"), (year.FileName, range.FileName));
        Assert.StartsWith("\uFEFFplacementId,companyId,", year.Body, StringComparison.Ordinal);
        Assert.EndsWith("daysInPeriod\r\n", year.Body.Split('\n')[0] + "\n", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_company_row_carries_its_current_dimensions_and_quotes_what_needs_quoting()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = (await consultant.Client.QueryAsync(
            "mutation($input: RegisterCompanyInput!) { registerCompany(input: $input) { id cvr } }",
            new { input = new { cvr = TestData.NewCvr(), name = "Smed, Sønner & \"Co\" ApS", industryCode = "011100", address = "Vej 1", postcode = "9000", sector = "PRIVATE", membershipStatus = "ACTIVE", joinedOn = "2024-02-01", responsibleConsultantId = consultant.Id } }))["registerCompany"]!;
        var companyId = company["id"]!.GetValue<string>();
        foreach (var employees in new[] { 40, 2 })
        {
            await consultant.Client.QueryAsync(
                "mutation($input: SaveWorkplaceInput!) { saveWorkplace(input: $input) { id } }",
                new { input = new { companyId, pNumber = TestData.NewPNumber(), name = "Sted " + employees, address = "Vej 1", postcode = "9000", ordinaryEmployees = employees, employeesReportedFor = "2026-01-01", averageEmployees12Months = employees } });
        }

        var export = await (await ManagerAsync()).ExportAsync("companies", "2025");

        var row = export.Single("companyId", GlobalId.Parse(companyId, "Company", "id"));
        Assert.Equal(company["cvr"]!.GetValue<string>(), row["cvr"]);
        Assert.Equal("Smed, Sønner & \"Co\" ApS", row["name"]);
        Assert.Contains("\"Smed, Sønner & \"\"Co\"\" ApS\"", export.Body, StringComparison.Ordinal);
        Assert.Equal(("011100", "A", "AGRICULTURE, FORESTRY AND FISHING"), (row["industryCode"], row["industrySection"], row["industrySectionTitle"]));
        Assert.Equal(("PRIVATE", "9000", "2", "42"), (row["sector"], row["postcode"], row["workplaces"], row["ordinaryEmployees"]));
        Assert.Equal(("ACTIVE", "2024-02-01"), (row["membershipStatus"], row["joinedOn"]));
        Assert.Equal((consultant.Email, "Test CONSULTANT"), (row["responsibleConsultantEmail"], row["responsibleConsultantName"]));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", row["createdAt"]);
    }

    [Fact]
    public async Task Vacancies_are_those_published_on_a_Danish_day_of_the_period_and_a_title_survives_commas_quotes_and_line_breaks()
    {
        var at = await factory.AddCompanyAsync();
        const string title = "Lager, nat\n\"Truck\" påkrævet";
        Vacancy Published(string publishedAt) => new()
        {
            CompanyId = at.CompanyId,
            WorkplaceId = at.WorkplaceId,
            OfferKind = OfferKind.WageSubsidy,
            OccupationCode = "4321",
            Title = title,
            Positions = 2,
            HoursPerWeek = 37.5m,
            StartDate = Date("2031-04-01"),
            Status = VacancyStatus.Open,
            CreatedAt = Instant("2031-02-01T10:00:00Z"),
            PublishedAt = Instant(publishedAt),
        };
        var firstMinute = Published("2031-02-28T23:00:00Z");
        var lastSecond = Published("2031-03-31T21:59:59Z");
        var dayBefore = Published("2031-02-28T22:59:59Z");
        var dayAfter = Published("2031-03-31T22:00:00Z");
        var draft = Published("2031-03-15T10:00:00Z");
        draft.PublishedAt = null;
        draft.Status = VacancyStatus.Draft;
        await using (var db = factory.NewDbContext())
        {
            db.Vacancies.AddRange(firstMinute, lastSecond, dayBefore, dayAfter, draft);
            await db.SaveChangesAsync();
        }

        var export = await (await ManagerAsync()).ExportAsync("vacancies", "2031-03");

        Assert.Equal([firstMinute.Id.ToString(), lastSecond.Id.ToString()], export.Where("companyId", at.CompanyId).Select(r => r["vacancyId"]));
        var row = export.Single("vacancyId", firstMinute.Id);
        Assert.Equal(title, row["title"]);
        Assert.Equal(
            (at.CompanyId.ToString(), at.WorkplaceId.ToString(), "WAGE_SUBSIDY", "4321", "2", "37.5", "2031-04-01", "", "OPEN"),
            (row["companyId"], row["workplaceId"], row["offerKind"], row["occupationCode"], row["positions"], row["hoursPerWeek"], row["startDate"], row["applicationDeadline"], row["status"]));
        Assert.Equal(("2031-02-01T10:00:00Z", "2031-02-28T23:00:00Z", "2031-03-01"), (row["createdAt"], row["publishedAt"], row["publishedOn"]));
        Assert.Equal("2031-03-31", export.Single("vacancyId", lastSecond.Id)["publishedOn"]);
    }

    [Fact]
    public async Task Placements_are_those_that_ran_during_the_period_and_show_the_candidate_only_by_target_group()
    {
        var at = await factory.AddCompanyAsync();
        var placements = await factory.AddPlacementsAsync(
            at,
            TargetGroup.ActivityReadySocialAssistance,
            (Date("2032-03-01"), Date("2032-03-31")),
            (Date("2032-03-01"), Date("2032-04-01")),
            (Date("2032-06-30"), Date("2032-07-15")),
            (Date("2032-07-01"), Date("2032-07-20")),
            (null, null));

        var export = await (await ManagerAsync()).ExportAsync("placements", "2032-Q2");

        var rows = export.Where("companyId", at.CompanyId);
        Assert.Equal([placements[1].Id.ToString(), placements[2].Id.ToString()], rows.Select(r => r["placementId"]));
        var row = rows[0];
        Assert.Equal(
            (at.WorkplaceId.ToString(), "", "INTERNSHIP", "HIRING", "ACTIVITY_READY_SOCIAL_ASSISTANCE", "COMPLETED"),
            (row["workplaceId"], row["vacancyId"], row["offerKind"], row["purpose"], row["candidateTargetGroup"], row["status"]));
        Assert.Equal(("2032-03-01", "2032-04-01", "2032-03-01", "2032-04-01", "1"), (row["plannedStart"], row["plannedEnd"], row["actualStart"], row["actualEnd"], row["daysInPeriod"]));
        Assert.Equal("1", rows[1]["daysInPeriod"]);

        await using var db = factory.NewDbContext();
        var candidateIds = placements.Select(p => p.CandidateId).ToList();
        foreach (var candidate in db.Candidates.Where(c => candidateIds.Contains(c.Id)).ToList())
        {
            Assert.DoesNotContain(candidate.CaseReference, export.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(candidate.DisplayAlias, export.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(candidate.Id.ToString(), export.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_running_placement_is_in_the_period_and_counts_its_days_through_yesterday_as_the_yield_figures_do()
    {
        var today = TestData.Today;
        var at = await factory.AddCompanyAsync();
        var running = (await factory.AddPlacementsAsync(at, TargetGroup.InsuredUnemployed, (new DateOnly(today.Year, today.Month, 1), null)))[0];

        var export = await (await ManagerAsync()).ExportAsync("placements", today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));

        var row = export.Single("placementId", running.Id);
        Assert.Equal(("ACTIVE", "", (today.Day - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), (row["status"], row["actualEnd"], row["daysInPeriod"]));
    }

    [Fact]
    public async Task Outcomes_are_every_observation_of_the_placements_that_ended_in_the_period()
    {
        var at = await factory.AddCompanyAsync();
        var placements = await factory.AddPlacementsAsync(
            at,
            TargetGroup.InsuredUnemployed,
            (Date("2033-01-04"), Date("2033-01-31")),
            (Date("2033-01-05"), Date("2033-02-01")),
            (Date("2032-12-04"), Date("2032-12-31")));
        Outcome Observed(int index, int months, EndResult? endResult, bool? selfSupporting) => new()
        {
            PlacementId = placements[index].Id,
            MonthsAfterEnd = months,
            EndResult = endResult,
            SelfSupporting = selfSupporting,
            ObservedOn = months == 1 ? Date("2033-03-01") : null,
            RecordedAt = Instant("2033-03-02T09:00:00Z"),
            RecordedBy = "test",
            Source = months == 0 ? "consultant" : "register-2033-03.csv",
        };
        var atEnd = Observed(0, 0, EndResult.FlexJob, null);
        var oneMonth = Observed(0, 1, null, true);
        await using (var db = factory.NewDbContext())
        {
            db.Outcomes.AddRange(atEnd, oneMonth, Observed(1, 0, EndResult.Education, null), Observed(2, 0, EndResult.DroppedOut, null));
            await db.SaveChangesAsync();
        }

        var export = await (await ManagerAsync()).ExportAsync("outcomes", "2033-01");

        Assert.Equal([atEnd.Id.ToString(), oneMonth.Id.ToString()], export.Where("companyId", at.CompanyId).Select(r => r["outcomeId"]));
        var row = export.Single("outcomeId", oneMonth.Id);
        Assert.Equal(
            (placements[0].Id.ToString(), "INTERNSHIP", "2033-01-31", "1", "2033-02-28", "", "true", "2033-03-01", "register-2033-03.csv", "2033-03-02T09:00:00Z"),
            (row["placementId"], row["offerKind"], row["placementEndedOn"], row["monthsAfterEnd"], row["dueOn"], row["endResult"], row["selfSupporting"], row["observedOn"], row["source"], row["recordedAt"]));
        Assert.Equal(("FLEX_JOB", "", "consultant"), (export.Single("outcomeId", atEnd.Id)["endResult"], export.Single("outcomeId", atEnd.Id)["selfSupporting"], export.Single("outcomeId", atEnd.Id)["source"]));
    }

    [Fact]
    public async Task Contacts_are_those_that_occurred_on_a_Danish_day_of_the_period_without_their_free_text()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var consultantId = GlobalId.ParseKey(consultant.Id, "User", "id");
        var at = await factory.AddCompanyAsync();
        ContactLog Contact(string occurredAt) => new()
        {
            CompanyId = at.CompanyId,
            ConsultantId = consultantId,
            OccurredAt = Instant(occurredAt),
            Channel = ContactChannel.Visit,
            Summary = "Talte om borgeren Jens Hansen",
            Outcome = "Hemmeligt udfald",
            FollowUpOn = Date("2034-04-15"),
        };
        var firstMinute = Contact("2034-02-28T23:00:00Z");
        var lastSecond = Contact("2034-03-31T21:59:59Z");
        await using (var db = factory.NewDbContext())
        {
            db.ContactLogs.AddRange(firstMinute, lastSecond, Contact("2034-02-28T22:59:59Z"), Contact("2034-03-31T22:00:00Z"));
            await db.SaveChangesAsync();
        }

        var export = await (await ManagerAsync()).ExportAsync("contacts", "2034-03");

        Assert.Equal([firstMinute.Id.ToString(), lastSecond.Id.ToString()], export.Where("companyId", at.CompanyId).Select(r => r["contactLogId"]));
        var row = export.Single("contactLogId", firstMinute.Id);
        Assert.Equal(
            ("2034-02-28T23:00:00Z", "2034-03-01", "VISIT", consultant.Email, "Test CONSULTANT", "2034-04-15", "false"),
            (row["occurredAt"], row["occurredOn"], row["channel"], row["consultantEmail"], row["consultantName"], row["followUpOn"], row["followUpDone"]));
        Assert.DoesNotContain("Jens Hansen", export.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Hemmeligt", export.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pledges_are_those_whose_period_overlaps_the_export_period()
    {
        var at = await factory.AddCompanyAsync();
        Pledge Pledged(string start, string end) => new()
        {
            CompanyId = at.CompanyId,
            PeriodStart = Date(start),
            PeriodEnd = Date(end),
            Internships = 3,
            WageSubsidyJobs = 1,
            Mentors = 2,
            TargetGroups = [TargetGroup.InsuredUnemployed, TargetGroup.NewGraduate],
            Note = "Fortroligt",
            RecordedAt = Instant("2034-06-01T12:00:00Z"),
            RecordedBy = "test",
        };
        var endsOnFirstDay = Pledged("2034-07-01", "2035-01-01");
        var startsOnLastDay = Pledged("2035-12-31", "2036-06-30");
        await using (var db = factory.NewDbContext())
        {
            db.Pledges.AddRange(Pledged("2034-07-01", "2034-12-31"), endsOnFirstDay, startsOnLastDay, Pledged("2036-01-01", "2036-12-31"));
            await db.SaveChangesAsync();
        }

        var export = await (await ManagerAsync()).ExportAsync("pledges", "2035");

        Assert.Equal([endsOnFirstDay.Id.ToString(), startsOnLastDay.Id.ToString()], export.Where("companyId", at.CompanyId).Select(r => r["pledgeId"]));
        var row = export.Single("pledgeId", endsOnFirstDay.Id);
        Assert.Equal(
            ("2034-07-01", "2035-01-01", "0", "3", "1", "0", "0", "2", "INSURED_UNEMPLOYED;NEW_GRADUATE", "2034-06-01T12:00:00Z"),
            (row["periodStart"], row["periodEnd"], row["ordinaryJobs"], row["internships"], row["wageSubsidyJobs"], row["adultApprenticeships"], row["flexJobs"], row["mentors"], row["targetGroups"], row["recordedAt"]));
        Assert.DoesNotContain("Fortroligt", export.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_separator_semicolon_the_file_opens_in_Danish_Excel()
    {
        var export = await (await ManagerAsync()).ExportAsync("pledges", "2035", separator: "semicolon");

        Assert.Equal(HttpStatusCode.OK, export.Status);
        Assert.StartsWith("\uFEFFpledgeId;companyId;periodStart;", export.Body, StringComparison.Ordinal);
        Assert.Equal(DocumentedColumns("pledges"), export.Header);
    }

    [Fact]
    public async Task Managers_and_admins_may_export_consultants_and_company_users_may_not_and_anonymous_callers_must_sign_in()
    {
        var cast = await RoleCast.CreateAsync(factory);

        var answers = new Dictionary<string, HttpStatusCode>
        {
            ["admin"] = (await cast.Admin.Http.ExportAsync("companies", "2025")).Status,
            ["manager"] = (await cast.Manager.Client.Http.ExportAsync("companies", "2025")).Status,
            ["consultant"] = (await cast.Consultant.Client.Http.ExportAsync("companies", "2025")).Status,
            ["company"] = (await cast.CompanyUser.Client.Http.ExportAsync("companies", "2025")).Status,
            ["anonymous"] = (await factory.CreateClient().ExportAsync("companies", "2025")).Status,
        };

        Assert.Equal(
            new Dictionary<string, HttpStatusCode> { ["admin"] = HttpStatusCode.OK, ["manager"] = HttpStatusCode.OK, ["consultant"] = HttpStatusCode.Forbidden, ["company"] = HttpStatusCode.Forbidden, ["anonymous"] = HttpStatusCode.Unauthorized },
            answers);
        var refused = await cast.Consultant.Client.Http.GetAsync("/exports/companies.csv?period=2025");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\":\"FORBIDDEN\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_signed_in_with_the_web_apps_cookie_may_export()
    {
        var manager = await factory.CreateUserAsync("MANAGER");
        var browser = factory.CreateClient();
        using var login = await browser.PostAsync("/auth/login?useCookies=true", JsonContent.Create(new { email = manager.Email, password = TestUsers.Password }));
        login.EnsureSuccessStatusCode();

        var export = await browser.ExportAsync("contacts", "2034-03");

        Assert.Equal(HttpStatusCode.OK, export.Status);
    }

    [Theory]
    [InlineData("2025-13", "period")]
    [InlineData("last year", "period")]
    [InlineData(null, "period")]
    public async Task A_period_that_is_not_one_is_a_400_naming_the_field(string? period, string field)
    {
        var manager = await ManagerAsync();

        using var response = await manager.GetAsync("/exports/placements.csv" + (period is null ? "" : "?period=" + Uri.EscapeDataString(period)));
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("VALIDATION", field, 400), (problem["code"]!.GetValue<string>(), problem["field"]!.GetValue<string>(), problem["status"]!.GetValue<int>()));
        Assert.Contains("period", problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_table_is_a_404_and_an_unknown_separator_a_400()
    {
        var manager = await ManagerAsync();

        var table = await manager.ExportAsync("citizens", "2025");
        var separator = await manager.ExportAsync("pledges", "2025", separator: "tab");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (table.Status, separator.Status));
        Assert.Contains("\"field\":\"separator\"", separator.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_thousand_placements_stream_out_of_one_query()
    {
        var at = await factory.AddCompanyAsync();
        var runs = Enumerable.Range(0, 5_000).Select(i => ((DateOnly?)Date("2037-01-01").AddDays(i % 300), (DateOnly?)Date("2037-02-01").AddDays(i % 300))).ToArray();
        await factory.AddPlacementsAsync(at, TargetGroup.InsuredUnemployed, runs);
        var manager = await ManagerAsync();

        factory.Commands.Reset();
        var export = await manager.ExportAsync("placements", "2037");
        var roundTrips = factory.Commands.Count;

        Assert.Equal(5_000, export.Where("companyId", at.CompanyId).Count);
        // The rows in one query (plus the security-stamp check), and one insert: the download's audit entry.
        Assert.True(roundTrips <= 3, $"{roundTrips} SQL round trips for 5,000 rows");
    }

    /// <summary>The column names in the table of <c>### {table}</c> in ExportColumns.md, in order.</summary>
    private static string[] DocumentedColumns(string table)
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(Snapshots.RepositoryRoot(), "src/CrmAlliance.Api/Features/Exports/ExportColumns.md"));
        return lines
            .SkipWhile(l => l != "### " + table)
            .Skip(1)
            .TakeWhile(l => !l.StartsWith("### ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('`')[1])
            .ToArray();
    }
}

/// <summary>The raw-row exports on PostgreSQL.</summary>
[OnPostgres]
public sealed class RawRowExportOnPostgresTests(PostgresApiFactory factory) : RawRowExportTests(factory), IClassFixture<PostgresApiFactory>;
