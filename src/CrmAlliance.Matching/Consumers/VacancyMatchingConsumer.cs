using CrmAlliance.Contracts;
using CrmAlliance.Matching.Bus;
using CrmAlliance.Matching.Engine;
using CrmAlliance.Matching.Loading;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace CrmAlliance.Matching.Consumers;

/// <summary>
/// Scores the pool for a posted or changed vacancy and publishes the top N as <see cref="VacancyMatched"/>.
/// Waits until this instance's index is loaded, so no vacancy is matched against an empty pool.
/// </summary>
public sealed class VacancyMatchingConsumer(MatchingEngine engine, IndexReadiness readiness, RecentMatches recent, TimeProvider clock, ILogger<VacancyMatchingConsumer> logger) :
    IConsumer<VacancyPosted>, IConsumer<VacancyChanged>
{
    public Task Consume(ConsumeContext<VacancyPosted> context)
    {
        var m = context.Message;
        return MatchAsync(context, new VacancyProfile(m.VacancyId, m.OfferKind, m.OccupationCode, m.RequiredSkills, m.WorkplacePostcode, m.StartDate), m.PostedAt);
    }

    public Task Consume(ConsumeContext<VacancyChanged> context)
    {
        var m = context.Message;
        return MatchAsync(context, new VacancyProfile(m.VacancyId, m.OfferKind, m.OccupationCode, m.RequiredSkills, m.WorkplacePostcode, m.StartDate), m.ChangedAt);
    }

    private async Task MatchAsync(ConsumeContext context, VacancyProfile vacancy, DateTimeOffset vacancyAsOf)
    {
        await readiness.WaitAsync(context.CancellationToken);

        // Remembered before matching: a candidate that reaches the index during the match then finds the vacancy.
        recent.Expect(vacancy, vacancyAsOf);
        var matchedAt = clock.GetUtcNow();
        var matches = engine.Match(vacancy);
        var cause = context.MessageId ?? throw new InvalidOperationException("A vacancy event arrived without a MessageId.");
        logger.LogInformation("Matched vacancy {VacancyId}: {Count} candidates.", vacancy.VacancyId, matches.Count);

        // Published even when not news: this answers the event, and a redelivery gets the same message id.
        recent.TryRecord(vacancy.VacancyId, vacancyAsOf, matches, matchedAt);
        try
        {
            await context.Publish(
                new VacancyMatched(vacancy.VacancyId, matches, vacancyAsOf, matchedAt),
                publish => publish.MessageId = DeterministicId.From(cause, nameof(VacancyMatched)),
                context.CancellationToken);
        }
        catch
        {
            recent.PublishFailed(vacancy.VacancyId, matchedAt);
            throw;
        }
    }
}

/// <summary>A shared queue: matching instances compete for vacancies; a failing one is retried, then lands in <c>vacancy-matching_error</c>.</summary>
public sealed class VacancyMatchingConsumerDefinition : ConsumerDefinition<VacancyMatchingConsumer>
{
    public VacancyMatchingConsumerDefinition() => EndpointName = "vacancy-matching";

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<VacancyMatchingConsumer> consumerConfigurator, IRegistrationContext context)
        => endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 1000, 5000));
}
