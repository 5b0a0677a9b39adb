using CrmAlliance.Api.Features.Outcomes.Import;
using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CrmAlliance.IntegrationTests.Outcomes.OutcomeImportScenario;

namespace CrmAlliance.IntegrationTests.Outcomes;

/// <summary>The <c>import-outcomes</c> command as the host registers it, run in-process against the test database.</summary>
public sealed class ImportOutcomesCommandTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>, IDisposable
{
    private readonly List<string> files = [];

    private static DateOnly Today => TestData.Today;

    private ImportOutcomesCommand Command => factory.Services.GetServices<ICliCommand>().OfType<ImportOutcomesCommand>().Single();

    private async Task<string> WriteFileAsync(string csv)
    {
        var path = Path.Combine(Path.GetTempPath(), $"opfoelgning-{Guid.NewGuid():N}.csv");
        await System.IO.File.WriteAllTextAsync(path, csv);
        files.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var file in files)
        {
            System.IO.File.Delete(file);
        }
    }

    [Fact]
    public async Task The_command_imports_as_the_named_staff_user_and_shows_lines_validated_and_outcomes_written()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var placements = await factory.AddPlacementsAsync(3, Today.AddMonths(-2));
        var path = await WriteFileAsync(File(placements.Select(p => Line(p, 1, selfSupporting: "ja")).ToArray()));
        var output = new StringWriter();

        var exit = await Command.RunAsync(new ImportOutcomesOptions(path, consultant.Email.ToUpperInvariant()), output, CancellationToken.None);

        Assert.True(exit == 0, output.ToString());
        Assert.Contains("lines validated: 3/3 (100.0 %)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("outcomes written: 3/3 (100.0 %)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"3 lines: 3 created, 0 corrected, 0 unchanged, 0 rejected; 3 events staged. written as {consultant.Email} (Consultant)", output.ToString(), StringComparison.Ordinal);
        var stored = await factory.OutcomesOfAsync(placements);
        Assert.Equal(3, stored.Count);
        Assert.All(stored, o => Assert.Equal((Path.GetFileName(path), GlobalId.ParseKey(consultant.Id, "User", "id")), (o.Source, o.RecordedBy)));
        Assert.Equal(3, (await factory.EventsOfAsync(placements)).Count);
    }

    [Fact]
    public async Task A_dry_run_reports_and_writes_nothing()
    {
        var manager = await factory.CreateUserAsync("MANAGER");
        var placements = await factory.AddPlacementsAsync(2, Today.AddMonths(-2));
        var path = await WriteFileAsync(File(placements.Select(p => Line(p, 0, endResult: "uddannelse")).ToArray()));
        var output = new StringWriter();

        var exit = await Command.RunAsync(new ImportOutcomesOptions(path, manager.Email, DryRun: true), output, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("2 created", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("dry run: nothing written", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(await factory.OutcomesOfAsync(placements));
    }

    [Fact]
    public async Task Rejected_lines_are_printed_with_line_and_column_and_the_exit_code_says_so()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var placements = await factory.AddPlacementsAsync(2, Today.AddDays(-10));
        var path = await WriteFileAsync(File(Line(placements[0], 0, endResult: "EDUCATION"), Line(placements[1], 1, selfSupporting: "ja")));
        var output = new StringWriter();

        var exit = await Command.RunAsync(new ImportOutcomesOptions(path, consultant.Email), output, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("line 3, monthsAfterEnd: the follow-up 1 months after the end is due on", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("nothing written: fix the rejected lines", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(await factory.OutcomesOfAsync(placements));
    }

    [Theory]
    [InlineData("COMPANY", "refused (FORBIDDEN)")]
    [InlineData(null, "refused (NOT_FOUND, --as)")]
    public async Task A_user_who_may_not_import_or_does_not_exist_is_refused(string? role, string refusal)
    {
        var email = role is null ? "nobody@test.local" : (await factory.CreateUserAsync(role, await TestCompanies.RegisterCompanyAsync((await factory.CreateUserAsync("CONSULTANT")).Client, "Firma ApS"))).Email;
        var placements = await factory.AddPlacementsAsync(1, Today.AddMonths(-2));
        var path = await WriteFileAsync(File(Line(placements[0], 1, selfSupporting: "ja")));
        var output = new StringWriter();

        var exit = await Command.RunAsync(new ImportOutcomesOptions(path, email), output, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains(refusal, output.ToString(), StringComparison.Ordinal);
        Assert.Empty(await factory.OutcomesOfAsync(placements));
    }

    [Fact]
    public async Task Without_an_actor_the_runner_prints_the_usage()
    {
        var path = await WriteFileAsync(Header + "\n");
        var output = new StringWriter();

        var exit = await CliRunner.RunAsync(factory.Services, ["import-outcomes", path], output);

        Assert.Equal(2, exit);
        Assert.Contains("--as <e-mail> is required", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Usage: import-outcomes <file.csv> --as <e-mail>", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interrupting_the_writing_rolls_back_every_batch_already_saved()
    {
        var admin = await factory.CreateUserAsync("ADMIN");
        var placements = await factory.AddPlacementsAsync(2_500, Today.AddMonths(-2), oneCandidate: true);
        var path = await WriteFileAsync(File(placements.Select(p => Line(p, 1, selfSupporting: "nej")).ToArray()));
        using var cancellation = new CancellationTokenSource();

        // Ctrl+C as soon as the first batch of 1,000 is saved inside the transaction.
        var output = new CancelOnLine(cancellation, "outcomes written: 1,000/2,500");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Command.RunAsync(new ImportOutcomesOptions(path, admin.Email), output, cancellation.Token));

        Assert.Contains("outcomes written: 1,000/2,500", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(await factory.OutcomesOfAsync(placements));
        Assert.Empty(await factory.EventsOfAsync(placements));
    }

    /// <summary>Plays the user who presses Ctrl+C when a line appears on the terminal.</summary>
    private sealed class CancelOnLine(CancellationTokenSource cancellation, string trigger) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(trigger, StringComparison.Ordinal) == true)
            {
                cancellation.Cancel();
            }
        }
    }
}
