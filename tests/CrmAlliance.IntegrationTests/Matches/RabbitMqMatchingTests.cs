using System.Diagnostics;
using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Vacancies;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrmAlliance.IntegrationTests.Matches;

/// <summary>
/// The Api and the matching worker as separate hosts over the real RabbitMQ: vacancies posted over
/// GraphQL come back as stored suggestions, also across a broker outage, each exactly once.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqMatchingTests(RabbitMqFixture fixture, ITestOutputHelper output) : IClassFixture<RabbitMqFixture>
{
    /// <summary>The broker tests poll every 200 ms.</summary>
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(200);

    [RabbitMqFact]
    public async Task A_vacancy_posted_over_GraphQL_gets_suggestions_from_the_worker_over_RabbitMQ()
    {
        // These two reach the worker's index as events; the fixture's three came from the snapshot.
        var byEvent = new[] { await fixture.RegisterCandidateAsync(RabbitMqFixture.SnapshotOccupation), await fixture.RegisterCandidateAsync(RabbitMqFixture.SnapshotOccupation) };
        var company = await fixture.Consultant.RegisterCompanyAtWorkAsync();
        var input = VacancyScenario.NewVacancy(company);
        input["occupationCode"] = RabbitMqFixture.SnapshotOccupation;
        input["startDate"] = TestData.Today.AddDays(14).ToString("yyyy-MM-dd");
        input["applicationDeadline"] = TestData.Today.AddDays(7).ToString("yyyy-MM-dd");

        // The candidate events are published before the vacancy's (outbox order), but on other queues:
        // give the worker's index a moment to take them, as a consultant's pause would.
        await Polling.WaitForAsync(async () => await BacklogAsync() == 0, "the candidate events to be published", TimeSpan.FromSeconds(30), PollEvery);
        await Task.Delay(500);
        var vacancy = await fixture.Consultant.PostVacancyAsync(input);

        var stored = await WaitForMatchesAsync([vacancy.VacancyGuid()], TimeSpan.FromSeconds(30));
        var suggested = stored.Select(m => GlobalId.Encode("Candidate", m.CandidateId)).ToHashSet();
        Assert.Superset(fixture.SnapshotCandidates.Concat(byEvent).ToHashSet(), suggested);
        Assert.All(stored, m => Assert.StartsWith("same occupation", m.Explanation, StringComparison.Ordinal));

        // At the broker: nothing left waiting, nothing in the error queues.
        Assert.Equal(0u, await RabbitMqBroker.QueueDepthAsync(fixture.VirtualHost, "vacancy-matching"));
        Assert.Equal(0u, await RabbitMqBroker.QueueDepthAsync(fixture.VirtualHost, "vacancy-matched"));
        Assert.True(await RabbitMqBroker.QueueDepthAsync(fixture.VirtualHost, "vacancy-matching_error") is null or 0);
        Assert.True(await RabbitMqBroker.QueueDepthAsync(fixture.VirtualHost, "vacancy-matched_error") is null or 0);
    }

    [RabbitMqFact]
    public async Task The_consumers_queues_are_quorum_queues_read_with_the_configured_prefetch()
    {
        var queues = (await RabbitMqBroker.ListAsync(fixture.VirtualHost, "list_queues", "name", "type")).ToDictionary(row => row[0], row => row[1]);
        var consumers = await RabbitMqBroker.ListAsync(fixture.VirtualHost, "list_consumers", "queue_name", "prefetch_count");

        // The shared queues of both hosts: the worker's vacancy-matching, the Api's vacancy-matched.
        Assert.Equal("quorum", queues["vacancy-matching"]);
        Assert.Equal("quorum", queues["vacancy-matched"]);
        Assert.All(queues.Where(q => !q.Key.EndsWith("_error", StringComparison.Ordinal) && !q.Key.EndsWith("_skipped", StringComparison.Ordinal) && !q.Key.Contains("_bus_", StringComparison.Ordinal)), q => Assert.True(q.Value == "quorum", $"{q.Key} is {q.Value}"));
        var matching = Assert.Single(consumers, c => c[0] == "vacancy-matching");
        Assert.Equal(RabbitMqFixture.PrefetchCount.ToString(System.Globalization.CultureInfo.InvariantCulture), matching[1]);
    }

    [RabbitMqFact(restartsBroker: true)]
    public async Task With_the_broker_stopped_100_vacancies_are_accepted_promptly_and_each_is_matched_exactly_once_after_it_returns()
    {
        var company = await fixture.Consultant.RegisterCompanyAtWorkAsync();
        var vacancies = new List<Guid>();
        await RabbitMqBroker.StopAsync();
        try
        {
            var slowest = TimeSpan.Zero;
            for (var i = 0; i < 100; i++)
            {
                var input = VacancyScenario.NewVacancy(company);
                input["occupationCode"] = RabbitMqFixture.SnapshotOccupation;
                input["title"] = $"Udvikler {i}";
                var clock = Stopwatch.StartNew();
                vacancies.Add((await fixture.Consultant.PostVacancyAsync(input)).VacancyGuid());
                slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            }

            output.WriteLine($"Slowest of 100 postVacancy requests with the broker down: {slowest.TotalMilliseconds:0} ms.");

            // The user's request never waits for the broker: it only commits the row and its event.
            Assert.True(slowest < TimeSpan.FromSeconds(5), $"A request took {slowest.TotalMilliseconds:0} ms with the broker down.");
            Assert.True(await BacklogAsync() >= 100);
        }
        finally
        {
            await RabbitMqBroker.StartAsync();
        }

        var recovery = Stopwatch.StartNew();
        var stored = await WaitForMatchesAsync(vacancies, TimeSpan.FromMinutes(3));
        output.WriteLine($"All 100 vacancies matched {recovery.Elapsed.TotalSeconds:0.0} s after the broker was back.");

        // Exactly once: one round per vacancy (a second would have superseded the first), one inbox entry per answer.
        Assert.All(stored.GroupBy(m => m.VacancyId), round => Assert.Single(round.Select(m => m.MatchedAt).Distinct()));
        await using var db = fixture.Api.NewDbContext();
        Assert.Equal(0, await db.VacancyMatches.CountAsync(m => vacancies.Contains(m.VacancyId) && m.Status == MatchStatus.Superseded));
        await Polling.WaitForAsync(async () => await BacklogAsync() == 0, "the outbox to drain", TimeSpan.FromSeconds(30), PollEvery);
        Assert.True(await RabbitMqBroker.QueueDepthAsync(fixture.VirtualHost, "vacancy-matching_error") is null or 0);
    }

    [RabbitMqFact]
    public async Task A_message_that_keeps_failing_lands_in_the_error_queue_after_its_retries_and_is_listed_for_admins()
    {
        var company = await fixture.Consultant.RegisterCompanyAtWorkAsync();
        var vacancy = (await fixture.Consultant.PostVacancyAsync(company)).VacancyGuid();
        var candidate = GlobalId.Parse(fixture.SnapshotCandidates[0], "Candidate", "id");

        // A malformed answer (no explanation) for an open vacancy: the store fails on every attempt.
        var poison = new CrmAlliance.Contracts.VacancyMatched(vacancy, [new CrmAlliance.Contracts.CandidateMatch(candidate, 0.5, null!)], DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();
        await fixture.Api.Services.GetRequiredService<IBus>().Publish(poison, c => c.MessageId = messageId);

        await Polling.WaitForAsync(async () => await RabbitMqBroker.QueueDepthAsync(fixture.VirtualHost, "vacancy-matched_error") >= 1, "the message in vacancy-matched_error", TimeSpan.FromSeconds(30), PollEvery);
        var errors = await RabbitMqBroker.PeekAsync(fixture.VirtualHost, "vacancy-matched_error");
        Assert.Single(errors, body => body.Contains(messageId.ToString(), StringComparison.OrdinalIgnoreCase));

        await Polling.WaitForAsync(async () =>
        {
            await using var db = fixture.Api.NewDbContext();
            return await db.ConsumerFailures.AnyAsync(f => f.FaultedMessageId == messageId && f.MessageType == "VacancyMatched");
        }, "the failure in consumerFailures", TimeSpan.FromSeconds(30), PollEvery);
    }

    private async Task<int> BacklogAsync()
    {
        await using var db = fixture.Api.NewDbContext();
        return await db.OutboxMessages.CountAsync(m => m.SentAt == null);
    }

    private async Task<List<VacancyMatch>> WaitForMatchesAsync(List<Guid> vacancies, TimeSpan timeout)
    {
        List<VacancyMatch> stored = [];
        await Polling.WaitForAsync(async () =>
        {
            await using var db = fixture.Api.NewDbContext();
            stored = await db.VacancyMatches.Where(m => vacancies.Contains(m.VacancyId)).ToListAsync();
            return stored.Select(m => m.VacancyId).Distinct().Count() == vacancies.Count;
        }, $"suggestions for {vacancies.Count} vacancies", timeout, PollEvery);
        return stored;
    }
}
