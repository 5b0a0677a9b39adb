namespace CrmAlliance.Bus;

/// <summary>Section <c>Bus</c>, shared by the Api and the matching worker.</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    /// <summary><c>InMemory</c> (embedded default: one process, nothing to install) or <c>RabbitMq</c>.</summary>
    public BusTransportKind Transport { get; set; } = BusTransportKind.InMemory;

    public RabbitMqOptions RabbitMq { get; set; } = new();
}
