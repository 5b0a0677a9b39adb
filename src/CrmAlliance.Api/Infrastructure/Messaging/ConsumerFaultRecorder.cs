using CrmAlliance.Contracts;
using MassTransit;

namespace CrmAlliance.Api.Infrastructure.Messaging;

/// <summary>
/// Records every <c>Fault&lt;T&gt;</c> MassTransit publishes when a consumer — here or in a matching
/// worker — gives up on one of our messages, so Admins see failures over GraphQL without broker access.
/// </summary>
public sealed class ConsumerFaultRecorder(Inbox inbox, TimeProvider clock, ILogger<ConsumerFaultRecorder> logger) :
    IConsumer<Fault<VacancyPosted>>, IConsumer<Fault<VacancyChanged>>, IConsumer<Fault<VacancyClosed>>, IConsumer<Fault<VacancyMatched>>,
    IConsumer<Fault<CandidateRegistered>>, IConsumer<Fault<CandidateChanged>>, IConsumer<Fault<CandidateWithdrawn>>,
    IConsumer<Fault<PlacementStarted>>, IConsumer<Fault<PlacementEnded>>, IConsumer<Fault<OutcomeRecorded>>,
    IConsumer<Fault<CompanyChanged>>, IConsumer<Fault<ContactLogged>>, IConsumer<Fault<PledgeChanged>>
{
    public Task Consume(ConsumeContext<Fault<VacancyPosted>> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<Fault<VacancyChanged>> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<Fault<VacancyClosed>> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<Fault<VacancyMatched>> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<Fault<CandidateRegistered>> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<Fault<CandidateChanged>> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<Fault<CandidateWithdrawn>> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<Fault<PlacementStarted>> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<Fault<PlacementEnded>> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<Fault<OutcomeRecorded>> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<Fault<CompanyChanged>> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<Fault<ContactLogged>> context) => RecordAsync(context);

    public Task Consume(ConsumeContext<Fault<PledgeChanged>> context) => RecordAsync(context);

    private Task<bool> RecordAsync<T>(ConsumeContext<Fault<T>> context)
        where T : class
    {
        var fault = context.Message;
        var exception = fault.Exceptions.FirstOrDefault();
        logger.LogError("A consumer gave up on {MessageType} {MessageId} on {Host}: {Error}", typeof(T).Name, fault.FaultedMessageId, fault.Host?.MachineName, exception?.Message);
        return inbox.ApplyOnceAsync(nameof(ConsumerFaultRecorder), context, db =>
        {
            db.ConsumerFailures.Add(new ConsumerFailure
            {
                FaultedMessageId = fault.FaultedMessageId,
                MessageType = typeof(T).Name,
                ExceptionType = Truncate(exception?.ExceptionType ?? "unknown", 200),
                ExceptionMessage = Truncate(exception?.Message ?? "", 2000),
                Host = Truncate($"{fault.Host?.MachineName} ({fault.Host?.ProcessName})", 200),
                OccurredAt = fault.Timestamp == default ? clock.GetUtcNow() : new DateTimeOffset(fault.Timestamp, TimeSpan.Zero),
            });
            return Task.CompletedTask;
        });
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;
}

public sealed class ConsumerFaultRecorderDefinition : ConsumerDefinition<ConsumerFaultRecorder>
{
    public ConsumerFaultRecorderDefinition() => EndpointName = "consumer-faults";

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ConsumerFaultRecorder> consumerConfigurator, IRegistrationContext context)
        => endpointConfigurator.UseMessageRetry(r => r.Intervals(500, 2000, 5000));
}
