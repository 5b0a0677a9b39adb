using System.Runtime.CompilerServices;
using CrmAlliance.Contracts;
using CrmAlliance.Contracts.Snapshots;
using CrmAlliance.Matching.Bus;
using CrmAlliance.Matching.Engine;
using CrmAlliance.Matching.Loading;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmAlliance.Matching.Tests.Consumers;

/// <summary>The matching consumers on MassTransit's test harness, with a snapshot the test controls.</summary>
public sealed class MatchingConsumerTests : IAsyncLifetime
{
    private static readonly DateOnly Start = new(2027, 2, 1);
    private static readonly DateTimeOffset Earlier = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly ReleasableSnapshot _snapshot = new();
    private ServiceProvider _services = null!;

    private ITestHarness Harness => _services.GetRequiredService<ITestHarness>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddMatchingService(configuration)
            .AddSingleton<ICandidateSnapshotSource>(_snapshot)
            .AddMassTransitTestHarness(x => x.AddMatchingConsumers("test"))
            .BuildServiceProvider(true);
        await Harness.Start();
        foreach (var hosted in _services.GetServices<IHostedService>().OfType<CandidateIndexLoader>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task A_vacancy_waits_for_the_snapshot_and_is_then_matched_against_it_and_the_events()
    {
        var fromSnapshot = Candidate("5223", "9000", Earlier);
        var fromEvent = Guid.NewGuid();
        _snapshot.Items.Add(fromSnapshot);
        await PublishAndWaitAsync(new CandidateRegistered(fromEvent, "InsuredUnemployed", ["5223"], [], "Vocational", "9000", Start, Earlier));
        var vacancy = Guid.NewGuid();
        await Harness.Bus.Publish(new VacancyPosted(vacancy, Guid.NewGuid(), Guid.NewGuid(), "9000", "OrdinaryJob", "5223", [], 1, Start, null, Earlier));

        // The consumer holds the vacancy while the index loads; nothing is answered from an empty pool.
        await Task.Delay(300);
        Assert.False(Harness.Published.Select<VacancyMatched>(m => m.Context.Message.VacancyId == vacancy).Any());

        _snapshot.Release();
        var answer = await AnswerAsync(vacancy);
        Assert.Equal(new[] { fromEvent, fromSnapshot.CandidateId }.Order(), answer.Matches.Select(m => m.CandidateId).Order());
        Assert.Equal(Earlier, answer.VacancyAsOf);
    }

    [Fact]
    public async Task A_redelivered_vacancy_is_answered_with_the_same_message_id_so_the_Api_applies_it_once()
    {
        _snapshot.Items.Add(Candidate("7233", "9000", Earlier));
        _snapshot.Release();
        var vacancy = new VacancyPosted(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "9000", "OrdinaryJob", "7233", [], 1, Start, null, Earlier);
        var messageId = NewId.NextGuid();

        await Harness.Bus.Publish(vacancy, c => c.MessageId = messageId);
        var first = await AnsweredAsync(vacancy.VacancyId);
        await Harness.Bus.Publish(vacancy, c => c.MessageId = messageId);

        Assert.Equal(DeterministicId.From(messageId, nameof(VacancyMatched)), first.Context.MessageId);
        Assert.All(Harness.Published.Select<VacancyMatched>(m => m.Context.Message.VacancyId == vacancy.VacancyId), m => Assert.Equal(first.Context.MessageId, m.Context.MessageId));
    }

    [Fact]
    public async Task Candidate_events_delivered_twice_or_late_leave_the_newest_state()
    {
        _snapshot.Release();
        var id = Guid.NewGuid();
        var registered = new CandidateRegistered(id, "InsuredUnemployed", ["5223"], [], "Vocational", "9000", Start, Earlier);
        var messageId = NewId.NextGuid();
        await PublishAndWaitAsync(registered, messageId);
        await PublishAndWaitAsync(registered, messageId);
        await PublishAndWaitAsync(new CandidateChanged(id, "InsuredUnemployed", ["7233"], [], "Vocational", "9000", Start, Earlier.AddHours(1)));

        // A late, older change must not undo the newer one.
        await PublishAndWaitAsync(new CandidateChanged(id, "InsuredUnemployed", ["5223"], [], "Vocational", "9000", Start, Earlier.AddMinutes(30)));

        var index = _services.GetRequiredService<CandidateIndex>();
        Assert.Equal(1, index.Count);
        var engine = _services.GetRequiredService<MatchingEngine>();
        var match = Assert.Single(engine.Match(new VacancyProfile(Guid.NewGuid(), "OrdinaryJob", "7233", [], "9000", Start)), m => m.CandidateId == id);
        Assert.StartsWith("same occupation group 7233", match.Explanation, StringComparison.Ordinal);

        await PublishAndWaitAsync(new CandidateWithdrawn(id, Earlier.AddHours(2)));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public async Task A_candidate_registered_before_a_vacancy_but_arriving_after_its_match_is_matched_to_it_again()
    {
        _snapshot.Items.Add(Candidate("5223", "9000", Earlier));
        _snapshot.Release();
        var posted = Earlier.AddHours(1);
        var vacancy = new VacancyPosted(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "9000", "OrdinaryJob", "5223", [], 1, Start, null, posted);
        await Harness.Bus.Publish(vacancy);
        var first = await AnswerAsync(vacancy.VacancyId);
        Assert.Single(first.Matches);

        // Registered a minute before the vacancy was posted, delivered after it was matched: it belonged in the pool.
        var late = Guid.NewGuid();
        var lateMessage = NewId.NextGuid();
        await PublishAndWaitAsync(new CandidateRegistered(late, "InsuredUnemployed", ["5223"], [], "Vocational", "9000", Start, posted.AddMinutes(-1)), lateMessage);

        var answers = await AnswersAsync(vacancy.VacancyId, count: 2);
        var again = answers[1].Context;
        Assert.Contains(late, again.Message.Matches.Select(m => m.CandidateId));
        Assert.Equal(posted, again.Message.VacancyAsOf);
        Assert.True(again.Message.MatchedAt >= first.MatchedAt);
        Assert.Equal(DeterministicId.From(lateMessage, $"{nameof(VacancyMatched)}:{vacancy.VacancyId:N}"), again.MessageId);
    }

    [Fact]
    public async Task A_candidate_newer_than_the_vacancy_or_not_fitting_it_causes_no_new_answer()
    {
        _snapshot.Release();
        var posted = Earlier.AddHours(1);
        var vacancy = new VacancyPosted(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "9000", "OrdinaryJob", "5223", ["Truckcertifikat"], 1, Start, null, posted);
        await Harness.Bus.Publish(vacancy);
        await AnswerAsync(vacancy.VacancyId);

        // Late, but seeking nothing like it, without the skill and far away: it scores below the minimum.
        await PublishAndWaitAsync(new CandidateRegistered(Guid.NewGuid(), "InsuredUnemployed", ["9112"], [], "Vocational", "6700", Start, posted.AddMinutes(-1)));

        // Registered after the vacancy was posted: not a late arrival, the next change of the vacancy will see it.
        await PublishAndWaitAsync(new CandidateRegistered(Guid.NewGuid(), "InsuredUnemployed", ["5223"], [], "Vocational", "9000", Start, posted.AddMinutes(1)));

        await Task.Delay(200);
        Assert.Single(Harness.Published.Select<VacancyMatched>(m => m.Context.Message.VacancyId == vacancy.VacancyId));
    }

    private static CandidateProfile Candidate(string occupation, string postcode, DateTimeOffset asOf)
        => new(Guid.NewGuid(), "InsuredUnemployed", [occupation], [], "Vocational", postcode, Start, asOf);

    /// <summary>Polls rather than awaiting the harness's lists: those give up once the bus looks idle, and a held consumer looks idle.</summary>
    private async Task<IPublishedMessage<VacancyMatched>> AnsweredAsync(Guid vacancy)
    {
        for (var waited = 0; waited < 500; waited++)
        {
            if (Harness.Published.Select<VacancyMatched>(m => m.Context.Message.VacancyId == vacancy).FirstOrDefault() is { } answer)
            {
                return answer;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No VacancyMatched for {vacancy} within 10 s.");
    }

    private async Task<List<IPublishedMessage<VacancyMatched>>> AnswersAsync(Guid vacancy, int count)
    {
        for (var waited = 0; waited < 500; waited++)
        {
            var answers = Harness.Published.Select<VacancyMatched>(m => m.Context.Message.VacancyId == vacancy).ToList();
            if (answers.Count >= count)
            {
                return [.. answers.OrderBy(a => a.Context.Message.MatchedAt)];
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Fewer than {count} VacancyMatched for {vacancy} within 10 s.");
    }

    private async Task<VacancyMatched> AnswerAsync(Guid vacancy) => (await AnsweredAsync(vacancy)).Context.Message;

    private async Task PublishAndWaitAsync<T>(T message, Guid? messageId = null)
        where T : class
    {
        var id = messageId ?? NewId.NextGuid();
        var before = Harness.Consumed.Select<T>(m => m.Context.MessageId == id).Count();
        await Harness.Bus.Publish(message, c => c.MessageId = id);
        var consumer = Harness.GetConsumerHarness<CrmAlliance.Matching.Consumers.CandidateIndexConsumer>();
        for (var waited = 0; waited < 200 && consumer.Consumed.Select<T>(m => m.Context.MessageId == id).Count() <= before; waited++)
        {
            await Task.Delay(10);
        }

        // A repeat is not listed again by the harness (it keys by MessageId): let it be consumed.
        await Task.Delay(50);
    }

    /// <summary>A snapshot held back until the test releases it, as when the Api is not up yet.</summary>
    private sealed class ReleasableSnapshot : ICandidateSnapshotSource
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<CandidateProfile> Items { get; } = [];

        public void Release() => _released.TrySetResult();

        public async IAsyncEnumerable<CandidateProfile> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await _released.Task.WaitAsync(cancellationToken);
            foreach (var item in Items)
            {
                yield return item;
            }
        }
    }
}
