using System.CommandLine;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Infrastructure.Commands;

namespace CrmAlliance.Api.Features.Retention.Access;

/// <summary>
/// <c>candidate-access &lt;caseReference&gt; --as &lt;admin e-mail&gt; [--out file]</c>: the right-of-access report as JSON, on the
/// terminal or into a file. It is asked as the named Admin, so the core's rule applies as on the web (and the audit trail
/// can say who asked).
/// </summary>
public sealed class CandidateAccessCommand(IServiceScopeFactory scopes) : ICliCommand
{
    private const string Reference = "caseReference";
    private const string As = "--as";
    private const string Out = "--out";

    public string Name => "candidate-access";

    public string Usage => "Usage: candidate-access <caseReference> --as <admin e-mail> [--out file.json]";

    public Command CreateDefinition() => new(Name, "Writes everything held on one case reference (attributes, placements, outcomes, match suggestions, audit entries) as JSON. Exit code: 0 written, 1 refused or unknown reference, 2 usage, 130 interrupted.")
    {
        new Argument<string>(Reference) { Description = "the case system's reference of the candidate" },
        new Option<string>(As) { HelpName = "e-mail", Description = "the Admin who asks (only Admins may)" },
        new Option<string>(Out) { HelpName = "file", Description = "write the JSON to this file instead of the terminal" },
    };

    public Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
        => RunAsync(parsed.GetValue<string>(Reference) ?? "", parsed.GetValue<string>(As), parsed.GetValue<string>(Out), output, cancellationToken);

    public async Task<int> RunAsync(string caseReference, string? asEmail, string? outFile, TextWriter output, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(asEmail))
        {
            throw new CliUsageException("--as <e-mail> is required: only an Admin may read a candidate's access report.");
        }

        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var actor = await scope.ServiceProvider.GetRequiredService<CommandLineActors>().ByEmailAsync(asEmail, cancellationToken);
            var report = await scope.ServiceProvider.GetRequiredService<CandidateAccessQuery>().ReportAsync(caseReference, actor, cancellationToken);
            var json = CandidateAccessQuery.ToJson(report);
            if (outFile is null)
            {
                // The runner's writer is standard error on the terminal; the document goes to standard output, to be redirected.
                await (ReferenceEquals(output, Console.Error) ? Console.Out : output).WriteLineAsync(json);
            }
            else
            {
                await File.WriteAllTextAsync(outFile, json, cancellationToken);
                await output.WriteLineAsync($"Wrote the access report ({report.Placements.Count} placements, {report.MatchSuggestions.Count} match suggestions, {report.AuditEntries.Count} audit entries) to {outFile}.");
            }

            return 0;
        }
        catch (CrmException refusal)
        {
            await output.WriteLineAsync($"{Name}: refused ({refusal.Code}{(refusal.Field is null ? "" : ", " + refusal.Field)}): {refusal.Message}");
            return 1;
        }
    }
}
