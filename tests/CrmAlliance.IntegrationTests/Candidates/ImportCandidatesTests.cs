using System.Diagnostics;
using System.Text.Json.Nodes;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Candidates.Import;
using CrmAlliance.Api.Infrastructure.Csv;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrmAlliance.IntegrationTests.Candidates;

public class ImportCandidatesTests(CrmApiFactory factory, ITestOutputHelper output) : IClassFixture<CrmApiFactory>
{
    private const string Import = """
        mutation($input: ImportCandidatesInput!, $statuses: [ImportLineStatus!]) {
          importCandidates(input: $input) {
            dryRun committed separator lineCount rejectedLineCount
            candidates { created updated unchanged }
            lines(statuses: $statuses) { line caseReference status candidateId errors { field reason } }
          }
        }
        """;

    private const string Header = "caseReference,targetGroup,soughtOccupations,skills,educationLevel,hasWorkExperience,postcode,availableFrom,lastEmployerCvr";

    /// <summary>
    /// References with no run of digits long enough to look like a CPR number, unlike random hex, so
    /// thousands of them are never refused by chance.
    /// </summary>
    private static string[] NewReferences(int count)
    {
        var run = string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('A' + Random.Shared.Next(26))));
        return Enumerable.Range(1, count).Select(i => $"IMP-{run}-{i:D5}").ToArray();
    }

    private static string Line(string reference, string targetGroup = "dagpenge", string occupations = "5120;7233", string skills = "Kold køkken;Hygiejnebevis", string education = "erhvervsfaglig", string experience = "ja", string postcode = "9000", string availableFrom = "2026-03-01", string lastEmployerCvr = "")
        => $"{reference},{targetGroup},\"{occupations}\",\"{skills}\",{education},{experience},{postcode},{availableFrom},{lastEmployerCvr}";

    private static string File(params string[] lines) => Header + "\n" + string.Join("\n", lines) + "\n";

    private static async Task<JsonNode> ImportAsync(GraphQLClient client, string csv, bool? dryRun = null, string[]? statuses = null)
        => (await client.QueryAsync(Import, new { input = new { csv, dryRun }, statuses }))["importCandidates"]!;

    private static int[] Counts(JsonNode report)
        => [report["candidates"]!["created"]!.GetValue<int>(), report["candidates"]!["updated"]!.GetValue<int>(), report["candidates"]!["unchanged"]!.GetValue<int>()];

    private static string[] Statuses(JsonNode report) => report["lines"]!.AsArray().Select(l => l!["status"]!.GetValue<string>()).ToArray();

    private static (int Line, string Field)[] Errors(JsonNode report)
        => report["lines"]!.AsArray().SelectMany(l => l!["errors"]!.AsArray().Select(e => (l["line"]!.GetValue<int>(), e!["field"]!.GetValue<string>()))).ToArray();

    private async Task<List<Candidate>> StoredAsync(params string[] references)
    {
        await using var db = factory.NewDbContext();
        return await db.Candidates.Where(c => references.Contains(c.CaseReference)).OrderBy(c => c.CaseReference).ToListAsync();
    }

    private async Task<List<(Guid AggregateId, string MessageType)>> OutboxOfAsync(IEnumerable<Guid> candidateIds)
    {
        var ids = candidateIds.ToList();
        await using var db = factory.NewDbContext();
        return (await db.OutboxMessages.Where(m => ids.Contains(m.AggregateId)).OrderBy(m => m.Sequence).Select(m => new { m.AggregateId, m.MessageType }).ToListAsync())
            .Select(m => (m.AggregateId, m.MessageType)).ToList();
    }

    [Fact]
    public async Task A_valid_file_registers_each_candidate_with_an_alias_and_queues_one_CandidateRegistered_each()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var refs = NewReferences(2);
        var csv = File(Line(refs[0]), Line(refs[1], "aktivitetsparat", "9629", "", "grundskole", "nej", "9220", "15-04-2026", "DK 1234 5674"));

        var report = await ImportAsync(consultant.Client, csv);

        Assert.True(report["committed"]!.GetValue<bool>(), report.ToJsonString());
        Assert.Equal((2, 0), (report["lineCount"]!.GetValue<int>(), report["rejectedLineCount"]!.GetValue<int>()));
        Assert.Equal([2, 0, 0], Counts(report));
        Assert.Equal(["CREATED", "CREATED"], Statuses(report));
        var stored = await StoredAsync(refs);
        Assert.Equal(refs, stored.Select(c => c.CaseReference));
        Assert.Equal(
            report["lines"]!.AsArray().Select(l => l!["candidateId"]!.GetValue<string>()),
            stored.Select(c => Api.Infrastructure.GraphQL.GlobalId.Encode("Candidate", c.Id)));
        Assert.All(stored, c => Assert.Matches("^Kandidat [0-9A-F]{4,}$", c.DisplayAlias));
        var second = stored[1];
        Assert.Equal((TargetGroup.ActivityReadySocialAssistance, EducationLevel.Primary, false, "9220"), (second.TargetGroup, second.EducationLevel, second.HasWorkExperience, second.Postcode));
        Assert.Equal((new DateOnly(2026, 4, 15), "12345674", 1), (second.AvailableFrom, second.LastEmployerCvr, second.Version));
        Assert.Equal(["9629"], second.SoughtOccupations);
        Assert.Empty(second.Skills);
        var outbox = await OutboxOfAsync(stored.Select(c => c.Id));
        Assert.Equal(stored.Select(c => (c.Id, "CandidateRegistered")).Order(), outbox.Order());
        var body = CandidateScenario.BodyOf(factory.Outbox(second.Id).Single());
        Assert.Equal(("ActivityReadySocialAssistance", "Primary", "9220"), (body["targetGroup"]!.GetValue<string>(), body["educationLevel"]!.GetValue<string>(), body["postcode"]!.GetValue<string>()));
        Assert.Equal(second.UpdatedAt, body["registeredAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Importing_the_same_file_again_leaves_every_candidate_unchanged_and_queues_nothing()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var refs = NewReferences(3);
        var csv = File(refs.Select(r => Line(r)).ToArray());
        await ImportAsync(consultant.Client, csv);
        var before = await StoredAsync(refs);

        var again = await ImportAsync(consultant.Client, csv);

        Assert.True(again["committed"]!.GetValue<bool>());
        Assert.Equal([0, 0, 3], Counts(again));
        Assert.Equal(["UNCHANGED", "UNCHANGED", "UNCHANGED"], Statuses(again));
        var after = await StoredAsync(refs);
        Assert.Equal(before.Select(c => (c.Id, c.Version, c.UpdatedAt)), after.Select(c => (c.Id, c.Version, c.UpdatedAt)));
        Assert.Equal(3, (await OutboxOfAsync(after.Select(c => c.Id))).Count);
    }

    [Fact]
    public async Task A_known_reference_updates_its_candidate_and_queues_CandidateChanged_only_for_what_changed()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var refs = NewReferences(3);
        await ImportAsync(consultant.Client, File(Line(refs[0]), Line(refs[1])));
        var changed = File(Line(refs[0]), Line(refs[1], "sygedagpenge", "7233", "Truckcertifikat", postcode: "9200", availableFrom: "2026-06-01"), Line(refs[2]));

        var report = await ImportAsync(consultant.Client, changed);

        Assert.Equal([1, 1, 1], Counts(report));
        Assert.Equal(["UNCHANGED", "UPDATED", "CREATED"], Statuses(report));
        var stored = await StoredAsync(refs);
        var updated = stored[1];
        Assert.Equal((TargetGroup.SicknessBenefit, "9200", new DateOnly(2026, 6, 1), 2), (updated.TargetGroup, updated.Postcode, updated.AvailableFrom, updated.Version));
        Assert.Equal(["7233"], updated.SoughtOccupations);
        Assert.Equal(["Truckcertifikat"], updated.Skills);
        Assert.True(updated.UpdatedAt > updated.CreatedAt);
        Assert.Equal(1, stored[0].Version);
        Assert.Equal(["CandidateRegistered"], factory.Outbox(stored[0].Id).Select(m => m.MessageType));
        var messages = factory.Outbox(updated.Id);
        Assert.Equal(["CandidateRegistered", "CandidateChanged"], messages.Select(m => m.MessageType));
        var body = CandidateScenario.BodyOf(messages[1]);
        Assert.Equal(("SicknessBenefit", "9200"), (body["targetGroup"]!.GetValue<string>(), body["postcode"]!.GetValue<string>()));
        Assert.Equal(updated.UpdatedAt, body["changedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(["CandidateRegistered"], factory.Outbox(stored[2].Id).Select(m => m.MessageType));
    }

    [Fact]
    public async Task A_file_without_the_optional_columns_keeps_the_stored_skills_and_last_employer()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var reference = NewReferences(1)[0];
        await ImportAsync(consultant.Client, File(Line(reference, lastEmployerCvr: "12345674")));

        var report = await ImportAsync(consultant.Client, $"caseReference,targetGroup,soughtOccupations,educationLevel,hasWorkExperience,postcode,availableFrom\n{reference},dagpenge,\"5120;7233\",erhvervsfaglig,ja,9000,2026-03-01\n");

        Assert.Equal([0, 0, 1], Counts(report));
        var stored = Assert.Single(await StoredAsync(reference));
        Assert.Equal(["Kold køkken", "Hygiejnebevis"], stored.Skills);
        Assert.Equal("12345674", stored.LastEmployerCvr);
    }

    [Fact]
    public async Task One_bad_line_among_good_ones_writes_nothing_queues_nothing_and_the_report_lists_every_line()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var refs = NewReferences(4);
        await ImportAsync(consultant.Client, File(Line(refs[0])));
        var known = Assert.Single(await StoredAsync(refs[0]));
        var outboxBefore = factory.OutboxCount();
        var csv = File(Line(refs[0], postcode: "9200"), Line(refs[1]), Line(refs[2], postcode: "0001"), Line(refs[3], targetGroup: "pensionist"));

        var report = await ImportAsync(consultant.Client, csv);

        Assert.False(report["committed"]!.GetValue<bool>());
        Assert.Equal(2, report["rejectedLineCount"]!.GetValue<int>());
        Assert.Equal(["UPDATED", "CREATED", "REJECTED", "REJECTED"], Statuses(report));
        Assert.Equal([(4, "postcode"), (5, "targetGroup")], Errors(report));
        var lines = report["lines"]!.AsArray();
        Assert.Equal(Api.Infrastructure.GraphQL.GlobalId.Encode("Candidate", known.Id), lines[0]!["candidateId"]!.GetValue<string>());
        Assert.Null(lines[1]!["candidateId"]);
        Assert.Equal(refs[2], lines[2]!["caseReference"]!.GetValue<string>());
        Assert.Equal([known.Id], (await StoredAsync(refs)).Select(c => c.Id));
        Assert.Equal(("9000", 1), (Assert.Single(await StoredAsync(refs[0])).Postcode, known.Version));
        Assert.Equal(outboxBefore, factory.OutboxCount());
    }

    [Fact]
    public async Task Each_kind_of_line_error_is_reported_with_its_column_and_only_rejected_lines_when_asked()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var refs = NewReferences(11);
        var tooManySkills = string.Join(";", Enumerable.Range(1, 31).Select(i => $"Skill {i}"));
        var csv = File(
            Line(refs[0]),
            Line(refs[1], targetGroup: "pensionist"),
            Line(refs[2], occupations: "99"),
            Line(refs[3], skills: tooManySkills),
            Line(refs[4], education: "ph.d."),
            Line(refs[5], experience: "måske"),
            Line(refs[6], postcode: "0001"),
            Line(refs[7], availableFrom: "snart"),
            Line(refs[8], lastEmployerCvr: "12345678"),
            Line("0101901234"),
            Line(refs[0]),
            Line(refs[9]) + ",ekstra",
            Line(new string('R', 65)));

        var report = await ImportAsync(consultant.Client, csv, statuses: ["REJECTED"]);

        Assert.False(report["committed"]!.GetValue<bool>());
        Assert.Equal(13, report["lineCount"]!.GetValue<int>());
        Assert.Equal(12, report["rejectedLineCount"]!.GetValue<int>());
        Assert.Equal(
            [(3, "targetGroup"), (4, "soughtOccupations"), (5, "skills"), (6, "educationLevel"), (7, "hasWorkExperience"), (8, "postcode"), (9, "availableFrom"), (10, "lastEmployerCvr"), (11, "caseReference"), (12, "caseReference"), (13, "line"), (14, "caseReference")],
            Errors(report));
        var duplicate = report["lines"]!.AsArray().Single(l => l!["line"]!.GetValue<int>() == 12)!;
        Assert.Contains("also on line 2", duplicate["errors"]![0]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(refs));
    }

    [Fact]
    public async Task A_CPR_number_as_case_reference_is_refused_never_repeated_and_nothing_is_stored()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var good = NewReferences(1)[0];

        var report = await ImportAsync(consultant.Client, File(Line(good), Line("SAG-311299-4321")));

        Assert.False(report["committed"]!.GetValue<bool>());
        var rejected = report["lines"]!.AsArray()[1]!;
        Assert.Null(rejected["caseReference"]);
        var error = Assert.Single(rejected["errors"]!.AsArray())!;
        Assert.Equal("caseReference", error["field"]!.GetValue<string>());
        Assert.Contains("CPR numbers must never be stored", error["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("311299", report.ToJsonString(), StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.False(await db.Candidates.AnyAsync(c => c.CaseReference == good || c.CaseReference == "SAG-311299-4321"));
    }

    [Fact]
    public async Task A_dry_run_reports_what_each_line_would_do_and_writes_and_queues_nothing()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var refs = NewReferences(2);
        await ImportAsync(consultant.Client, File(Line(refs[0])));
        var known = Assert.Single(await StoredAsync(refs[0]));
        var outboxBefore = factory.OutboxCount();

        var report = await ImportAsync(consultant.Client, File(Line(refs[0], postcode: "9200"), Line(refs[1])), dryRun: true);

        Assert.True(report["dryRun"]!.GetValue<bool>());
        Assert.False(report["committed"]!.GetValue<bool>());
        Assert.Equal([1, 1, 0], Counts(report));
        Assert.Equal(["UPDATED", "CREATED"], Statuses(report));
        var stored = Assert.Single(await StoredAsync(refs));
        Assert.Equal(("9000", 1, known.UpdatedAt), (stored.Postcode, stored.Version, stored.UpdatedAt));
        Assert.Equal(outboxBefore, factory.OutboxCount());
    }

    [Fact]
    public async Task A_withdrawn_candidate_is_left_alone_by_an_unchanged_line_and_a_changing_line_is_rejected()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var reference = NewReferences(1)[0];
        var imported = await ImportAsync(consultant.Client, File(Line(reference)));
        var candidate = new JsonObject { ["id"] = imported["lines"]![0]!["candidateId"]!.GetValue<string>(), ["version"] = 1 };
        await consultant.Client.WithdrawAsync(candidate, "Flyttet");

        var same = await ImportAsync(consultant.Client, File(Line(reference)));
        var changing = await ImportAsync(consultant.Client, File(Line(reference, postcode: "9200")));

        Assert.Equal(["UNCHANGED"], Statuses(same));
        Assert.True(same["committed"]!.GetValue<bool>());
        Assert.Equal(["REJECTED"], Statuses(changing));
        var error = changing["lines"]![0]!["errors"]![0]!;
        Assert.Equal("caseReference", error["field"]!.GetValue<string>());
        Assert.Contains("CandidateActive", error["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var stored = Assert.Single(await StoredAsync(reference));
        Assert.Equal(("9000", 2), (stored.Postcode, stored.Version));
        Assert.Equal(["CandidateRegistered", "CandidateWithdrawn"], factory.Outbox(stored.Id).Select(m => m.MessageType));
    }

    [Fact]
    public async Task Two_thousand_lines_are_imported_in_one_go_with_one_event_each_and_a_bounded_number_of_queries()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var refs = NewReferences(2_000);
        var groups = new[] { "dagpenge", "jobparat", "aktivitetsparat", "ledighedsydelse", "dimittend" };
        var csv = "Sagsnummer;Målgruppe;Søgte stillinger;Kompetencer;Uddannelsesniveau;Erhvervserfaring;Postnummer;Til rådighed fra\n"
            + string.Join("\n", refs.Select((r, i) => $"{r};{groups[i % groups.Length]};\"5120;7233\";\"Kold køkken;Truckcertifikat\";erhvervsfaglig;{(i % 3 == 0 ? "nej" : "ja")};9000;2026-03-01"));

        var clock = Stopwatch.StartNew();
        var (roundTrips, data) = await factory.QueryCountingAsync(consultant.Client, Import, new { input = new { csv }, statuses = new[] { "REJECTED" } });
        clock.Stop();
        output.WriteLine($"Imported 2,000 candidates in {clock.ElapsedMilliseconds} ms with {roundTrips} SQL round trips.");

        var report = data["importCandidates"]!;
        Assert.True(report["committed"]!.GetValue<bool>(), report["lines"]!.ToJsonString());
        Assert.Equal([2_000, 0, 0], Counts(report));
        var stored = await StoredAsync(refs);
        Assert.Equal(2_000, stored.Count);
        Assert.Equal(2_000, stored.Select(c => c.DisplayAlias).Distinct().Count());
        var outbox = await OutboxOfAsync(stored.Select(c => c.Id));
        Assert.Equal(2_000, outbox.Count);
        Assert.All(outbox, m => Assert.Equal("CandidateRegistered", m.MessageType));

        // Reading is batched (4 lookups of 500 references, a few alias lookups), never one query per line.
        var (againRoundTrips, again) = await factory.QueryCountingAsync(consultant.Client, Import, new { input = new { csv }, statuses = new[] { "REJECTED" } });
        Assert.Equal([0, 0, 2_000], Counts(again["importCandidates"]!));
        Assert.InRange(againRoundTrips, 1, 20);
        Assert.Equal(2_000, (await OutboxOfAsync(stored.Select(c => c.Id))).Count);
    }

    [Fact]
    public async Task An_import_reports_its_progress_phase_by_phase_in_steps_ending_at_the_total()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var refs = NewReferences(3_000);
        var progress = new ImportProgressRecorder();

        var report = await HandleAsync(consultant, File(refs.Select(r => Line(r)).ToArray()), dryRun: false, progress);

        Assert.True(report.Committed);
        progress.AssertMonotonic(ImportPhase.Reading, ImportPhase.Checking, ImportPhase.Saving);
        Assert.Equal(new ImportProgress(ImportPhase.Reading, 3_000, 3_000), progress.Reports.Last(r => r.Phase == ImportPhase.Reading));
        Assert.Equal(new ImportProgress(ImportPhase.Checking, 3_000, 3_000), progress.Reports.Last(r => r.Phase == ImportPhase.Checking));
        Assert.Equal(new ImportProgress(ImportPhase.Saving, 3_000, 3_000), progress.Reports[^1]);

        // Reading goes in twentieths; checking by query of 500 references.
        Assert.Equal(ImportPhaseProgress.StepsPerPhase - 1, progress.StepsOf(ImportPhase.Reading));
        Assert.Equal(5, progress.StepsOf(ImportPhase.Checking));
    }

    [Fact]
    public async Task A_dry_run_with_a_rejected_line_reports_reading_every_line_and_checking_the_accepted_ones_and_no_saving()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var refs = NewReferences(40);
        var progress = new ImportProgressRecorder();

        var report = await HandleAsync(consultant, File([.. refs.Select(r => Line(r)), Line(NewReferences(1)[0], postcode: "")]), dryRun: true, progress);

        Assert.Equal(1, report.RejectedLineCount);
        progress.AssertMonotonic(ImportPhase.Reading, ImportPhase.Checking);
        Assert.Equal(new ImportProgress(ImportPhase.Reading, 41, 41), progress.Reports.Last(r => r.Phase == ImportPhase.Reading));
        Assert.Equal(new ImportProgress(ImportPhase.Checking, 40, 40), progress.Reports[^1]);
    }

    private async Task<CandidateImportReport> HandleAsync(TestUser user, string csv, bool dryRun, IProgress<ImportProgress> progress)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var actor = new Actor(user.Id, user.Email, Role.Consultant, null);
        return await scope.ServiceProvider.GetRequiredService<ImportCandidatesHandler>().HandleAsync(new ImportCandidatesInput(csv, dryRun), actor, progress, CancellationToken.None);
    }

    [Fact]
    public async Task A_file_with_an_unknown_column_is_refused_with_VALIDATION_on_csv()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var response = await consultant.Client.SendAsync(Import, new { input = new { csv = Header + ",cpr\n" } });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.csv"], response.Fields);
    }

    [Theory]
    [InlineData("ADMIN")]
    [InlineData("MANAGER")]
    [InlineData("COMPANY")]
    public async Task Anyone_but_a_consultant_is_FORBIDDEN_and_nothing_is_written(string role)
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = role == "COMPANY" ? (await Vacancies.VacancyScenario.RegisterCompanyAtWorkAsync(consultant.Client)).CompanyId : null;
        var user = await factory.CreateUserAsync(role, companyId);
        var reference = NewReferences(1)[0];

        var response = await user.Client.SendAsync(Import, new { input = new { csv = File(Line(reference)) } });

        response.ShouldFailWith("FORBIDDEN");
        Assert.Empty(await StoredAsync(reference));
    }

    [Fact]
    public async Task Anonymous_callers_are_UNAUTHENTICATED()
    {
        var response = await factory.Anonymous().SendAsync(Import, new { input = new { csv = File(Line(NewReferences(1)[0])) } });

        response.ShouldFailWith("UNAUTHENTICATED");
    }
}

/// <summary>The candidate import (bulk writer, many rows per statement) on PostgreSQL.</summary>
[OnPostgres]
public sealed class ImportCandidatesOnPostgresTests(PostgresApiFactory factory, ITestOutputHelper output) : ImportCandidatesTests(factory, output), IClassFixture<PostgresApiFactory>;
