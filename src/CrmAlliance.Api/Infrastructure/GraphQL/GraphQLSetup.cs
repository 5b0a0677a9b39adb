using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

public static class GraphQLSetup
{
    /// <summary>The schema, its types from this assembly, serial execution and the core's error mapping.</summary>
    public static IServiceCollection AddCrmGraphQL(this IServiceCollection services)
    {
        services.AddScoped<RequestLoaders>();
        services.AddSingleton<GraphQLDocumentCache>();
        services.AddOptions<GraphQLLimits>().BindConfiguration(GraphQLLimits.Section);
        services.AddGraphQL(b => b
            .AddSchema<CrmSchema>(global::GraphQL.DI.ServiceLifetime.Singleton)
            .AddGraphTypes(typeof(CrmSchema).Assembly)
            .AddSystemTextJson()
            .UseMiddleware<CrmErrorMiddleware>()
            .AddValidationRule<RoleMetadataValidationRule>()
            .AddErrorInfoProvider<CrmErrorInfoProvider>()
            // A span per operation (with its name and type) when a tracer listens; never the document, whose
            // literals can hold personal data. And a duration histogram per operation (GraphQLOperationMetrics).
            .UseTelemetry(telemetry => telemetry.RecordDocument = false)
            .ConfigureExecution<GraphQLOperationMetrics>()
            // One DbContext serves the whole request, so queries resolve one field at a time;
            // DataLoaders still batch each level into one SQL query.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .ConfigureExecutionOptions(o =>
            {
                o.ThrowOnUnhandledException = false;

                // The client gets INTERNAL_ERROR (CrmErrorInfoProvider); the log gets the exception.
                o.UnhandledExceptionDelegate = context =>
                {
                    context.Context?.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("CrmAlliance.GraphQL")
                        .LogError(context.OriginalException, "Unexpected error in a GraphQL request ({Operation}).", context.Context.Operation?.Name?.StringValue ?? "anonymous operation");
                    return Task.CompletedTask;
                };
            })
            .AddComplexityAnalyzer(c =>
            {
                c.MaxDepth = 15;
                c.MaxComplexity = 20_000;
            }));
        return services;
    }
}
