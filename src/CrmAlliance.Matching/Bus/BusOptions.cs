namespace CrmAlliance.Matching.Bus;

/// <summary>Section <c>Bus</c>, shared by the Api and the matching worker.</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    /// <summary><c>InMemory</c> (embedded default: one process, nothing to install) or <c>RabbitMq</c>.</summary>
    public BusTransportKind Transport { get; set; } = BusTransportKind.InMemory;

    public RabbitMqOptions RabbitMq { get; set; } = new();
}

public enum BusTransportKind
{
    InMemory,
    RabbitMq,
}

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "localhost";

    public ushort Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";
}
