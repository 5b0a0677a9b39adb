using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Xunit.Abstractions;
using static CrmAlliance.IntegrationTests.Outcomes.OutcomeImportScenario;

namespace CrmAlliance.IntegrationTests.Outcomes;

public sealed class ImportOutcomeFollowUpsTests(CrmApiFactory factory, ITestOutputHelper output) : IClassFixture<CrmApiFactory>
{
    private static DateOnly Today => TestData.Today;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_valid_file_writes_each_outcome_with_the_file_as_source_and_stages_one_OutcomeRecorded_each()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var ended = Today.AddMonths(-4);
        var placements = await factory.AddPlacementsAsync(2, ended);
        var csv = File(
            Line(placements[0], 0, endResult: "ordinært job"),
            Line(placements[0], 3, selfSupporting: "ja", observedOn: Iso(ended.AddMonths(3))),
            Line(placements[1], 1, selfSupporting: "nej"));

        var report = await consultant.Client.ImportAsync(csv, "opfoelgning-marts.csv");

        Assert.True(report["committed"]!.GetValue<bool>(), report.ToJsonString());
        Assert.Equal(("opfoelgning-marts.csv", 3, 0, 3), (report["source"]!.GetValue<string>(), report["lineCount"]!.GetValue<int>(), report["rejectedLineCount"]!.GetValue<int>(), report["eventsStaged"]!.GetValue<int>()));
        Assert.Equal([3, 0, 0], Counts(report));
        Assert.Equal(["CREATED", "CREATED", "CREATED"], Statuses(report));
        var stored = await factory.OutcomesOfAsync(placements);
        Assert.Equal(3, stored.Count);
        Assert.All(stored, o => Assert.Equal(("opfoelgning-marts.csv", GlobalId.ParseKey(consultant.Id, "User", "id")), (o.Source, o.RecordedBy)));
        var atEnd = stored.Single(o => o.PlacementId == placements[0].Id && o.MonthsAfterEnd == 0);
        var threeMonths = stored.Single(o => o.PlacementId == placements[0].Id && o.MonthsAfterEnd == 3);
        var oneMonth = stored.Single(o => o.PlacementId == placements[1].Id);
        Assert.Equal((EndResult.OrdinaryJob, (bool?)null, (DateOnly?)null), (atEnd.EndResult!.Value, atEnd.SelfSupporting, atEnd.ObservedOn));
        Assert.Equal(((EndResult?)null, true, ended.AddMonths(3)), (threeMonths.EndResult, threeMonths.SelfSupporting!.Value, threeMonths.ObservedOn!.Value));
        Assert.False(oneMonth.SelfSupporting);
        var lineIds = report["lines"]!.AsArray().Select(l => l!["outcomeId"]!.GetValue<string>()).ToList();
        Assert.Equal([GlobalId.Encode("Outcome", atEnd.Id), GlobalId.Encode("Outcome", threeMonths.Id), GlobalId.Encode("Outcome", oneMonth.Id)], lineIds);

        var events = await factory.EventsOfAsync(placements);
        Assert.Equal(
            [
                new(placements[0].Id, placements[0].CompanyId, 0, "OrdinaryJob", null, atEnd.RecordedAt),
                new(placements[0].Id, placements[0].CompanyId, 3, null, true, threeMonths.RecordedAt),
                new(placements[1].Id, placements[1].CompanyId, 1, null, false, oneMonth.RecordedAt),
            ],
            events);
    }

    [Fact]
    public async Task Rejected_lines_are_reported_by_line_and_column_and_nothing_of_the_file_is_written()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var placements = await factory.AddPlacementsAsync(3, Today.AddMonths(-2));
        var csv = File(
            Line(placements[0], 0, endResult: "EDUCATION"),
            Line(placements[1], 0, endResult: "promoted"),
            Line(placements[1], 1, endResult: "EDUCATION", selfSupporting: "ja"),
            Line(placements[2], 2, selfSupporting: "ja"),
            $"{placements[2].CaseReference},{Guid.NewGuid()},0,EDUCATION,,",
            Line(placements[2], 0, endResult: "EDUCATION", caseReference: "SAG 010190-1234"),
            Line(placements[2], 1, selfSupporting: "ja") + ",surplus");

        var report = await consultant.Client.ImportAsync(csv);

        Assert.False(report["committed"]!.GetValue<bool>());
        Assert.Equal((7, 6, 0), (report["lineCount"]!.GetValue<int>(), report["rejectedLineCount"]!.GetValue<int>(), report["eventsStaged"]!.GetValue<int>()));
        Assert.Equal(["CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED"], Statuses(report));
        Assert.Equal(
            [(3, "endResult"), (4, "endResult"), (5, "monthsAfterEnd"), (6, "placementId"), (7, "caseReference"), (8, "line")],
            Errors(report));
        Assert.Contains("no placement has the id", Reason(report, 6), StringComparison.Ordinal);
        var cprLine = report["lines"]!.AsArray().Single(l => l!["line"]!.GetValue<int>() == 7)!;
        Assert.Null(cprLine["caseReference"]);
        Assert.DoesNotContain("010190", report.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(report["lines"]![0]!["outcomeId"]);
        Assert.Empty(await factory.OutcomesOfAsync(placements));
        Assert.Empty(await factory.EventsOfAsync(placements));
    }

    [Fact]
    public async Task A_case_reference_that_is_not_the_placements_candidates_never_attaches_the_outcome()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var placements = await factory.AddPlacementsAsync(2, Today.AddMonths(-2));
        var csv = File(
            Line(placements[0], 0, endResult: "EDUCATION", caseReference: placements[1].CaseReference),
            Line(placements[1], 0, endResult: "EDUCATION", caseReference: NewReference()),
            Line(placements[1], 1, selfSupporting: "ja", caseReference: placements[1].CaseReference.ToLowerInvariant()));

        var report = await consultant.Client.ImportAsync(csv, statuses: ["REJECTED"]);

        Assert.Equal([(2, "placementId"), (3, "caseReference")], Errors(report));
        Assert.Contains($"is not a placement of the candidate '{placements[1].CaseReference}'", Reason(report, 2), StringComparison.Ordinal);
        Assert.Contains("no candidate has the reference", Reason(report, 3), StringComparison.Ordinal);
        Assert.Empty(await factory.OutcomesOfAsync(placements));
    }

    [Fact]
    public async Task An_outcome_the_placement_cannot_have_yet_is_refused_by_recordOutcomes_rules()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var endedRecently = (await factory.AddPlacementsAsync(1, Today.AddDays(-20)))[0];
        var active = (await factory.AddPlacementsAsync(1, null, PlacementStatus.Active))[0];
        var calledOff = (await factory.AddPlacementsAsync(1, null, PlacementStatus.EndedEarly))[0];
        var endedLongAgo = (await factory.AddPlacementsAsync(1, Today.AddMonths(-7)))[0];
        var csv = File(
            Line(endedRecently, 0, endResult: "FLEX_JOB"),
            Line(endedRecently, 1, selfSupporting: "ja"),
            Line(active, 0, endResult: "EDUCATION"),
            Line(calledOff, 0, endResult: "DROPPED_OUT"),
            Line(endedLongAgo, 6, selfSupporting: "ja", observedOn: Iso(Today.AddMonths(-2))),
            Line(endedLongAgo, 3, selfSupporting: "ja", observedOn: Iso(Today.AddDays(1))));

        var report = await consultant.Client.ImportAsync(csv);

        Assert.Equal(["CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED"], Statuses(report));
        Assert.Equal([(3, "monthsAfterEnd"), (4, "placementId"), (5, "placementId"), (6, "observedOn"), (7, "observedOn")], Errors(report));
        Assert.Contains($"is due on {Iso(Today.AddDays(-20).AddMonths(1))}", Reason(report, 3), StringComparison.Ordinal);
        Assert.EndsWith("(rule OutcomeSchedule)", Reason(report, 3), StringComparison.Ordinal);
        Assert.EndsWith("(rule PlacementStatus)", Reason(report, 4), StringComparison.Ordinal);
        Assert.Contains("called off before it started", Reason(report, 5), StringComparison.Ordinal);
        Assert.Contains($"before the outcome 6 months after the end is due ({Iso(Today.AddMonths(-7).AddMonths(6))})", Reason(report, 6), StringComparison.Ordinal);
        Assert.Contains("is in the future", Reason(report, 7), StringComparison.Ordinal);
        Assert.False(report["committed"]!.GetValue<bool>());
        Assert.Empty(await factory.OutcomesOfAsync([endedRecently, active, calledOff, endedLongAgo]));
    }

    [Fact]
    public async Task A_placement_and_point_twice_in_the_file_is_rejected_even_with_the_id_written_differently()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var placement = (await factory.AddPlacementsAsync(1, Today.AddMonths(-2)))[0];
        var csv = File(
            Line(placement, 1, selfSupporting: "ja"),
            $"{placement.CaseReference},{GlobalId.Encode("Placement", placement.Id)},1,,nej,");

        var report = await consultant.Client.ImportAsync(csv);

        Assert.Equal([(3, "placementId")], Errors(report));
        Assert.Contains("also on line 2", Reason(report, 3), StringComparison.Ordinal);
        Assert.Empty(await factory.OutcomesOfAsync([placement]));
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing_the_second_time()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var placements = await factory.AddPlacementsAsync(2, Today.AddMonths(-4));
        var csv = File(Line(placements[0], 0, endResult: "uddannelse"), Line(placements[0], 3, selfSupporting: "nej", observedOn: Iso(Today)), Line(placements[1], 1, selfSupporting: "ja"));
        await consultant.Client.ImportAsync(csv, "register.csv");
        var before = await factory.OutcomesOfAsync(placements);
        var eventsBefore = await factory.EventsOfAsync(placements);

        var again = await consultant.Client.ImportAsync(csv, "register-again.csv");

        Assert.True(again["committed"]!.GetValue<bool>());
        Assert.Equal([0, 0, 3], Counts(again));
        Assert.Equal(0, again["eventsStaged"]!.GetValue<int>());
        Assert.Equal(before.Select(o => o.Id).Order(), again["lines"]!.AsArray().Select(l => GlobalId.Parse(l!["outcomeId"]!.GetValue<string>(), "Outcome", "id")).Order());
        var after = await factory.OutcomesOfAsync(placements);
        Assert.Equal(
            before.Select(o => (o.Id, o.EndResult, o.SelfSupporting, o.ObservedOn, o.RecordedAt, o.Source)),
            after.Select(o => (o.Id, o.EndResult, o.SelfSupporting, o.ObservedOn, o.RecordedAt, o.Source)));
        Assert.Equal(eventsBefore, await factory.EventsOfAsync(placements));
    }

    [Fact]
    public async Task A_different_value_corrects_the_recorded_outcome_and_stages_one_event_with_it()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var placements = await factory.AddPlacementsAsync(2, Today.AddMonths(-2));
        await consultant.Client.ImportAsync(File(Line(placements[0], 1, selfSupporting: "ja"), Line(placements[1], 1, selfSupporting: "ja")), "januar.csv");
        var original = (await factory.OutcomesOfAsync(placements)).Single(o => o.PlacementId == placements[0].Id);

        var report = await consultant.Client.ImportAsync(File(Line(placements[0], 1, selfSupporting: "nej"), Line(placements[1], 1, selfSupporting: "ja")), "januar-rettet.csv");

        Assert.Equal(["UPDATED", "UNCHANGED"], Statuses(report));
        Assert.Equal(1, report["eventsStaged"]!.GetValue<int>());
        var corrected = (await factory.OutcomesOfAsync([placements[0]])).Single();
        Assert.Equal((original.Id, false, "januar-rettet.csv"), (corrected.Id, corrected.SelfSupporting!.Value, corrected.Source));
        var events = await factory.EventsOfAsync(placements);
        Assert.Equal(3, events.Count);
        Assert.Equal(new(placements[0].Id, placements[0].CompanyId, 1, null, false, corrected.RecordedAt), events[^1]);
    }

    [Fact]
    public async Task A_dry_run_reports_what_the_file_would_do_and_writes_nothing()
    {
        var manager = await factory.CreateUserAsync("MANAGER");
        var placements = await factory.AddPlacementsAsync(2, Today.AddMonths(-2));

        var report = await manager.Client.ImportAsync(File(Line(placements[0], 0, endResult: "frafald"), Line(placements[1], 1, selfSupporting: "1")), dryRun: true);

        Assert.Equal((true, false, 0), (report["dryRun"]!.GetValue<bool>(), report["committed"]!.GetValue<bool>(), report["eventsStaged"]!.GetValue<int>()));
        Assert.Equal([2, 0, 0], Counts(report));
        Assert.All(report["lines"]!.AsArray(), l => Assert.Null(l!["outcomeId"]));
        Assert.Empty(await factory.OutcomesOfAsync(placements));
        Assert.Empty(await factory.EventsOfAsync(placements));
    }

    [Fact]
    public async Task A_file_the_import_cannot_read_or_name_is_refused_as_a_whole()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var placement = (await factory.AddPlacementsAsync(1, Today.AddMonths(-2)))[0];

        var header = await consultant.Client.SendAsync(Import, new { input = new { csv = "caseReference,placementId,monthsAfterEnd,cpr\n" } });
        var named = await consultant.Client.SendAsync(Import, new { input = new { csv = File(Line(placement, 1, selfSupporting: "ja")), fileName = "consultant" } });

        header.ShouldFailWith("VALIDATION");
        Assert.Equal("input.csv", header.Fields.Single());
        named.ShouldFailWith("VALIDATION");
        Assert.Equal("input.fileName", named.Fields.Single());
        Assert.Empty(await factory.OutcomesOfAsync([placement]));
    }

    [Fact]
    public async Task A_company_user_may_not_import_outcomes()
    {
        var cast = await RoleCast.CreateAsync(factory);
        var placement = (await factory.AddPlacementsAsync(1, Today.AddMonths(-2)))[0];

        var response = await cast.CompanyUser.Client.SendAsync(Import, new { input = new { csv = File(Line(placement, 1, selfSupporting: "ja")) } });

        response.ShouldFailWith("FORBIDDEN");
        Assert.Empty(await factory.OutcomesOfAsync([placement]));
    }

    [Fact]
    public async Task A_large_file_is_checked_against_the_database_in_chunks_not_line_by_line()
    {
        var admin = await factory.SignInAsAdminAsync();
        var placements = await factory.AddPlacementsAsync(3_000, Today.AddMonths(-2), oneCandidate: true);
        var csv = File(placements.Select(p => Line(p, 1, selfSupporting: "ja")).ToArray());

        // A dry run reads exactly what the real one reads, and writes nothing that would be counted too.
        factory.Commands.Reset();
        var dryRun = await admin.ImportAsync(csv, dryRun: true, statuses: ["REJECTED"]);
        var reads = factory.Commands.Count;
        output.WriteLine($"{reads} SQL round trips to check 3,000 lines (dry run)");
        var report = await admin.ImportAsync(csv, statuses: ["REJECTED"]);

        Assert.Equal([3_000, 0, 0], Counts(dryRun));
        Assert.True(report["committed"]!.GetValue<bool>(), report.ToJsonString());
        Assert.Equal(3_000, (await factory.OutcomesOfAsync(placements)).Count);

        // 6 chunks of 500 placements, two queries each: a query per line would be thousands.
        Assert.True(reads <= 15, $"{reads} SQL round trips to check 3,000 lines");
    }
}
