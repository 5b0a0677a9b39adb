using System.Text.Json.Nodes;
using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.IntegrationTests.Candidates;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Audit;

public static class AuditScenario
{
    public const string Search = """
        query($filter: AuditFilter, $first: Int, $after: String) {
          auditEntries(filter: $filter, first: $first, after: $after) {
            totalCount pageInfo { hasNextPage endCursor }
            edges { node { id at actorUserId actorEmail actorRole action entityType entityId candidateId changes { field old new } erased details rowCount sealed } }
          }
        }
        """;

    public static async Task<JsonNode> SearchAsync(this GraphQLClient admin, object filter, int first = 100, string? after = null)
        => (await admin.QueryAsync(Search, new { filter, first, after }))["auditEntries"]!;

    public static List<JsonNode> Nodes(this JsonNode connection) => connection["edges"]!.AsArray().Select(e => e!["node"]!).ToList();

    /// <summary>The stored entries matching <paramref name="where"/>, read past the Api.</summary>
    public static async Task<List<AuditEntry>> EntriesAsync(this CrmApiFactory factory, System.Linq.Expressions.Expression<Func<AuditEntry, bool>> where)
    {
        // Read entries are written in batches shortly after the read: write what is queued first.
        await factory.Services.GetRequiredService<AuditReadLog>().FlushAsync(CancellationToken.None);
        await using var db = factory.NewDbContext();
        return await db.AuditEntries.Where(where).OrderBy(e => e.Sequence).ToListAsync();
    }

    /// <summary>Seals everything waiting, as the background sealer does every second.</summary>
    public static async Task SealAsync(this CrmApiFactory factory)
    {
        await factory.Services.GetRequiredService<AuditReadLog>().FlushAsync(CancellationToken.None);
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealAllAsync(CancellationToken.None);
    }

    public static async Task<AuditChainReport> VerifyAsync(this CrmApiFactory factory)
    {
        await using var db = factory.NewDbContext();
        return await AuditChain.VerifyAsync(db, CancellationToken.None);
    }

    public static async Task<T> WithResultAsync<T>(this CrmApiFactory factory, Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider);
    }

    public static async Task WithScopeAsync(this CrmApiFactory factory, Func<IServiceProvider, CrmDbContext, Task> act)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await act(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<CrmDbContext>());
    }

    public static async Task<List<AuditEntry>> SealedEntriesAsync(this CrmApiFactory factory)
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var candidate = await consultant.Client.RegisterCandidateAsync();
        var input = CandidateScenario.UpdateOf(candidate);
        input["postcode"] = "9220";
        await consultant.Client.QueryAsync(CandidateScenario.Update, new { input });
        await factory.SealAsync();
        return await factory.EntriesAsync(e => e.ChainPosition != null);
    }

    public static async Task<(int Exit, string Output)> VerifyCommandAsync(this CrmApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var command = scope.ServiceProvider.GetServices<ICliCommand>().Single(c => c.Name == "verify-audit");
        var output = new StringWriter();
        var exit = await command.RunAsync(command.CreateDefinition().Parse([]), output, CancellationToken.None);
        return (exit, output.ToString());
    }
}
