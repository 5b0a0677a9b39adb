namespace CrmAlliance.Bus;

public enum BusTransportKind
{
    InMemory,
    RabbitMq,
}
