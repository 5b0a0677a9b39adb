namespace CrmAlliance.Bus;

/// <summary>Section <c>Bus:RabbitMq</c>: the broker, and how queues are declared and consumed.</summary>
public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "localhost";

    public ushort Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    /// <summary>
    /// Declare the consumers' queues as quorum queues (replicated, durable, poison-message aware). A queue's type is
    /// fixed when it is declared: to switch an existing broker, drain and delete the queues first (see README).
    /// </summary>
    public bool QuorumQueues { get; set; } = true;

    /// <summary>Messages a consumer's channel may hold unacknowledged: enough to keep a worker busy between round trips.</summary>
    public ushort PrefetchCount { get; set; } = 16;

    /// <summary>Messages one endpoint handles at once in one process; null = as many as it prefetches. Consumer
    /// definitions that need order or one-at-a-time set their own lower limits.</summary>
    public int? ConcurrentMessageLimit { get; set; }

    /// <summary>Wait for the broker's confirmation of every publish (the outbox marks a row sent only then).</summary>
    public bool PublisherConfirmation { get; set; } = true;
}
