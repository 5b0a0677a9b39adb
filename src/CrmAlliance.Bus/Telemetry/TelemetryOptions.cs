namespace CrmAlliance.Bus.Telemetry;

/// <summary>
/// Section <c>Telemetry</c>: traces, metrics and logs over OTLP. Off unless an endpoint is configured here or in the
/// standard variable <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; then every host exports to it (protocol and headers from the
/// standard <c>OTEL_EXPORTER_OTLP_*</c> variables).
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The collector, e.g. <c>http://otel-collector:4317</c> (gRPC, the exporter's default protocol).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// Collect even without an endpoint (for a test that reads the spans in memory). Null: on exactly when an
    /// endpoint is configured, so that a host without a collector pays nothing.
    /// </summary>
    public bool? Enabled { get; set; }
}
