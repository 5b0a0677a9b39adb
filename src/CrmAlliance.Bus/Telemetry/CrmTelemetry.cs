using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CrmAlliance.Bus.Telemetry;

/// <summary>
/// OpenTelemetry for both hosts (Api and matching worker): ASP.NET Core, outgoing HTTP, MassTransit (its own
/// <c>MassTransit</c> activity source and meter carry the trace across the bus), GraphQL operations and our own
/// spans and instruments under <see cref="SourceName"/>. Logs go out through the same pipeline, so each log record
/// carries the trace and span id of the request or message it was written for.
/// </summary>
public static class CrmTelemetry
{
    public const string SourceName = "CrmAlliance";

    /// <summary>Our own spans: e.g. the outbox's publish, which continues the trace of the change that queued the event.</summary>
    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Our own instruments: e.g. the GraphQL operation durations.</summary>
    public static readonly Meter Meter = new(SourceName);

    private static readonly string[] TracedSources = [SourceName, "MassTransit", "GraphQL"];
    private static readonly string[] Meters = [SourceName, "MassTransit"];

    public static TelemetryOptions ReadTelemetryOptions(this IConfiguration configuration)
        => configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

    /// <summary>
    /// Turns telemetry on when configured (see <see cref="TelemetryOptions"/>); returns whether it did.
    /// <paramref name="tracing"/> adds a host's own instrumentation (the Api's EF Core).
    /// </summary>
    public static bool AddCrmTelemetry(this WebApplicationBuilder builder, string serviceName, Action<TracerProviderBuilder>? tracing = null)
    {
        var options = builder.Configuration.ReadTelemetryOptions();
        var endpoint = options.OtlpEndpoint ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var exports = !string.IsNullOrWhiteSpace(endpoint);
        if (!(options.Enabled ?? exports))
        {
            return false;
        }

        void Export(OpenTelemetry.Exporter.OtlpExporterOptions otlp)
        {
            if (options.OtlpEndpoint is { Length: > 0 } configured)
            {
                otlp.Endpoint = new Uri(configured);
            }
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: $"{Environment.MachineName}-{Environment.ProcessId}"))
            .WithTracing(traces =>
            {
                traces.AddSource(TracedSources)
                    .AddAspNetCoreInstrumentation(asp => asp.Filter = context => !IsHealthProbe(context))
                    .AddHttpClientInstrumentation();
                tracing?.Invoke(traces);
                if (exports)
                {
                    traces.AddOtlpExporter(Export);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation();
                if (exports)
                {
                    metrics.AddOtlpExporter(Export);
                }
            })
            .WithLogging(
                logs =>
                {
                    if (exports)
                    {
                        logs.AddOtlpExporter(Export);
                    }
                },
                logOptions => logOptions.IncludeFormattedMessage = true);
        return true;
    }

    // Load balancers probe every few seconds: their spans would drown the ones people look for.
    private static bool IsHealthProbe(HttpContext context) => context.Request.Path.StartsWithSegments("/health");
}
