using System.Diagnostics;
using System.Diagnostics.Metrics;
using CrmAlliance.Bus.Telemetry;
using GraphQL;
using GraphQL.DI;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

/// <summary>
/// The duration of every GraphQL operation, by operation type and name, and by its first error code when it failed
/// (<c>crmalliance.graphql.operation.duration</c>). Cheap when no meter listener is attached. Operation names are the
/// client's choice: the SDK's cardinality limit (2,000 series per instrument) bounds what a hostile client can add.
/// </summary>
public sealed class GraphQLOperationMetrics : IConfigureExecution
{
    private static readonly Histogram<double> Duration = CrmTelemetry.Meter.CreateHistogram<double>(
        "crmalliance.graphql.operation.duration", unit: "s", description: "Duration of GraphQL operations, parsing and validation included.");

    // After the options are configured (GraphQL.NET runs its own option set-up at 100, configurations at 200).
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (!Duration.Enabled)
        {
            return await next(options);
        }

        var started = Stopwatch.GetTimestamp();
        var result = await next(options);
        var operation = result.Operation;
        var tags = new TagList
        {
            { "graphql.operation.type", operation?.Operation.ToString().ToLowerInvariant() ?? "unknown" },
            { "graphql.operation.name", operation?.Name?.StringValue ?? options.OperationName ?? "anonymous" },
        };
        if (result.Errors is { Count: > 0 } errors)
        {
            tags.Add("error.type", errors[0].Code ?? "ERROR");
        }

        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        return result;
    }
}
