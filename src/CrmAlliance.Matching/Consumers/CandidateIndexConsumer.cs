using CrmAlliance.Contracts;
using CrmAlliance.Contracts.Snapshots;
using CrmAlliance.Matching.Bus;
using CrmAlliance.Matching.Engine;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace CrmAlliance.Matching.Consumers;

/// <summary>
/// Keeps this instance's candidate index in step with the pool. Idempotent without an inbox: the index
/// keeps the newest state per candidate by its time, so a repeated or late message changes nothing.
/// A candidate whose state is older than a vacancy this instance recently matched belonged in that vacancy's
/// pool but arrived after it (see <see cref="RecentMatches"/>): the vacancy is matched again, and the new answer
/// published when it differs.
/// </summary>
public sealed class CandidateIndexConsumer(CandidateIndex index, MatchingEngine engine, RecentMatches recent, TimeProvider clock, ILogger<CandidateIndexConsumer> logger) :
    IConsumer<CandidateRegistered>, IConsumer<CandidateChanged>, IConsumer<CandidateWithdrawn>
{
    public Task Consume(ConsumeContext<CandidateRegistered> context)
    {
        var m = context.Message;
        return Applied(context, index.Upsert(new CandidateProfile(m.CandidateId, m.TargetGroup, m.SoughtOccupations, m.Skills, m.EducationLevel, m.Postcode, m.AvailableFrom, m.RegisteredAt)), m.RegisteredAt);
    }

    public Task Consume(ConsumeContext<CandidateChanged> context)
    {
        var m = context.Message;
        return Applied(context, index.Upsert(new CandidateProfile(m.CandidateId, m.TargetGroup, m.SoughtOccupations, m.Skills, m.EducationLevel, m.Postcode, m.AvailableFrom, m.ChangedAt, m.BusyPeriods)), m.ChangedAt);
    }

    public Task Consume(ConsumeContext<CandidateWithdrawn> context)
        => Applied(context, index.Withdraw(context.Message.CandidateId, context.Message.WithdrawnAt), context.Message.WithdrawnAt);

    private async Task Applied(ConsumeContext context, bool changed, DateTimeOffset candidateAsOf)
    {
        if (!changed)
        {
            return;
        }

        var cause = context.MessageId ?? throw new InvalidOperationException("A candidate event arrived without a MessageId.");
        foreach (var (vacancy, vacancyAsOf) in recent.ThatShouldHaveSeen(candidateAsOf))
        {
            var matchedAt = clock.GetUtcNow();
            var matches = engine.Match(vacancy);
            if (!recent.TryRecord(vacancy.VacancyId, vacancyAsOf, matches, matchedAt))
            {
                continue;
            }

            logger.LogInformation("Matched vacancy {VacancyId} again for a candidate that arrived after it: {Count} candidates.", vacancy.VacancyId, matches.Count);
            try
            {
                await context.Publish(
                    new VacancyMatched(vacancy.VacancyId, matches, vacancyAsOf, matchedAt),
                    publish => publish.MessageId = DeterministicId.From(cause, $"{nameof(VacancyMatched)}:{vacancy.VacancyId:N}"),
                    context.CancellationToken);
            }
            catch
            {
                recent.PublishFailed(vacancy.VacancyId, matchedAt);
                throw;
            }
        }
    }
}

/// <summary>
/// Every matching instance needs every candidate event, so each has its own queue (named by instance),
/// not a shared competing one. The queue is durable, so events published while the instance restarts
/// wait for it; on RabbitMQ it expires after a day unused, when an instance is gone for good.
/// </summary>
public sealed class CandidateIndexConsumerDefinition : ConsumerDefinition<CandidateIndexConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<CandidateIndexConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 1000));
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.QueueExpiration = TimeSpan.FromDays(1);
        }
    }
}
