using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Retention.Access;
using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.IntegrationTests.Candidates;
using CrmAlliance.IntegrationTests.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Retention;

/// <summary><c>erase-expired</c> and <c>candidate-access</c> as the host registers them, with their exit codes.</summary>
public sealed class RetentionCommandTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>, IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"indsigt-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(file);

    [Fact]
    public async Task Erase_expired_dry_run_lists_ids_and_keys_changes_nothing_and_the_real_run_erases_and_is_recorded()
    {
        var candidate = await factory.CreateCandidateAsync();
        await factory.WithdrawYearsAgoAsync(candidate.Id, 6);
        var reference = await ReferenceAsync(candidate.Id);

        var dryOutput = new StringWriter();
        Assert.Equal(0, await CliRunner.RunAsync(factory.Services, ["erase-expired", "--dry-run"], dryOutput));

        Assert.Contains($"{candidate.Id} -> {CandidateValidation.AnonymousKey(candidate.Id)}", dryOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains("nothing changed", dryOutput.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(reference, dryOutput.ToString(), StringComparison.Ordinal);
        Assert.Equal(reference, await ReferenceAsync(candidate.Id));
        await using (var db = factory.NewDbContext())
        {
            Assert.Equal(0, await db.RetentionRuns.CountAsync());
        }

        var output = new StringWriter();
        Assert.Equal(0, await CliRunner.RunAsync(factory.Services, ["erase-expired"], output));

        Assert.Contains("Erased ", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(CandidateValidation.AnonymousKey(candidate.Id), await ReferenceAsync(candidate.Id));
        await using var check = factory.NewDbContext();
        var run = await check.RetentionRuns.SingleAsync();
        Assert.StartsWith("erase-expired by ", run.TriggeredBy, StringComparison.Ordinal);
        Assert.True(run.CandidatesErased >= 1);
    }

    [Fact]
    public async Task Candidate_access_writes_the_report_for_an_admin_and_exits_1_for_an_unknown_reference_or_a_non_admin_and_2_without_as()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var reference = (await consultant.Client.RegisterCandidateAsync())["caseReference"]!.GetValue<string>();
        var command = factory.Services.GetServices<ICliCommand>().OfType<CandidateAccessCommand>().Single();

        var output = new StringWriter();
        Assert.Equal(0, await command.RunAsync(reference, CrmApiFactory.AdminEmail, file, output, CancellationToken.None));
        Assert.Contains(reference, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.Contains("Wrote the access report (0 placements", output.ToString(), StringComparison.Ordinal);

        var unknown = new StringWriter();
        Assert.Equal(1, await command.RunAsync("SAG-" + TestData.UniqueLetters(10), CrmApiFactory.AdminEmail, null, unknown, CancellationToken.None));
        Assert.Contains("refused (NOT_FOUND, caseReference)", unknown.ToString(), StringComparison.Ordinal);

        var refused = new StringWriter();
        Assert.Equal(1, await command.RunAsync(reference, consultant.Email, null, refused, CancellationToken.None));
        Assert.Contains("refused (FORBIDDEN)", refused.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(reference, refused.ToString(), StringComparison.Ordinal);

        var usage = new StringWriter();
        Assert.Equal(2, await CliRunner.RunAsync(factory.Services, ["candidate-access", reference], usage));
        Assert.Contains("--as <e-mail> is required", usage.ToString(), StringComparison.Ordinal);
    }

    private async Task<string> ReferenceAsync(Guid candidateId)
    {
        await using var db = factory.NewDbContext();
        return (await db.Candidates.SingleAsync(c => c.Id == candidateId)).CaseReference;
    }
}
