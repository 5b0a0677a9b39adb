using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Contracts;
using CrmAlliance.IntegrationTests.Candidates;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Vacancies;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Matches;

/// <summary>
/// The Api's consumer of matching's answers, on MassTransit's test harness: exactly one effect per
/// message, newer rounds replace older ones, and a message that keeps failing is recorded for Admins.
/// </summary>
public sealed class VacancyMatchedConsumerTests(VacancyMatchedConsumerTests.Factory factory) : IClassFixture<VacancyMatchedConsumerTests.Factory>
{
    public sealed class Factory : IAsyncLifetime
    {
        // Matching itself is off: these tests play its part by publishing the answers.
        public CrmApiFactory Api { get; } = new(new Dictionary<string, string> { ["Matching:InProcess"] = "false" }, services => services.AddMassTransitTestHarness());

        public GraphQLClient Consultant { get; private set; } = null!;

        public async Task InitializeAsync() => Consultant = (await Api.CreateUserAsync("CONSULTANT")).Client;

        public Task DisposeAsync()
        {
            Api.Dispose();
            return Task.CompletedTask;
        }
    }

    private ITestHarness Harness => factory.Api.Services.GetRequiredService<ITestHarness>();

    [Fact]
    public async Task The_same_answer_delivered_twice_stores_the_suggestions_once()
    {
        var (vacancyId, candidates) = await ArrangeAsync(3);
        var asOf = DateTimeOffset.UtcNow;
        var answer = Answer(vacancyId, candidates, asOf);
        var messageId = NewId.NextGuid();

        await PublishAsync(answer, messageId);
        await PublishAsync(answer, messageId);

        await using var db = factory.Api.NewDbContext();
        var stored = await db.VacancyMatches.Where(m => m.VacancyId == vacancyId).OrderBy(m => m.Rank).ToListAsync();
        Assert.Equal(candidates, stored.Select(m => m.CandidateId));
        Assert.Equal([1, 2, 3], stored.Select(m => m.Rank));
        Assert.All(stored, m => Assert.Equal(MatchStatus.Suggested, m.Status));
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.MessageId == messageId && m.Consumer == nameof(VacancyMatchedConsumer)));
    }

    [Fact]
    public async Task A_newer_round_replaces_undecided_suggestions_keeps_decisions_and_a_late_older_round_is_ignored()
    {
        var (vacancyId, candidates) = await ArrangeAsync(3);
        var first = DateTimeOffset.UtcNow.AddMinutes(-2);
        await PublishAsync(Answer(vacancyId, candidates, first), NewId.NextGuid());
        await using (var db = factory.Api.NewDbContext())
        {
            var dismissed = await db.VacancyMatches.SingleAsync(m => m.VacancyId == vacancyId && m.CandidateId == candidates[0]);
            dismissed.Status = MatchStatus.Dismissed;
            dismissed.DismissReason = "Ikke interesseret.";
            await db.SaveChangesAsync();
        }

        // The vacancy changed: matching answers again with the candidates in another order.
        await PublishAsync(Answer(vacancyId, [candidates[2], candidates[0], candidates[1]], first.AddMinutes(1)), NewId.NextGuid());

        // A slow answer to the first version arrives last.
        await PublishAsync(Answer(vacancyId, candidates, first), NewId.NextGuid());

        await using var check = factory.Api.NewDbContext();
        var current = await check.VacancyMatches.Where(m => m.VacancyId == vacancyId && m.Status == MatchStatus.Suggested).OrderBy(m => m.Rank).ToListAsync();
        Assert.Equal([candidates[2], candidates[1]], current.Select(m => m.CandidateId));
        Assert.Equal(2, await check.VacancyMatches.CountAsync(m => m.VacancyId == vacancyId && m.Status == MatchStatus.Superseded));
        Assert.Equal(1, await check.VacancyMatches.CountAsync(m => m.VacancyId == vacancyId && m.Status == MatchStatus.Dismissed));
    }

    [Fact]
    public async Task Of_two_answers_to_the_same_version_the_one_matched_later_stands_whichever_arrives_last()
    {
        var (vacancyId, candidates) = await ArrangeAsync(2);
        var asOf = DateTimeOffset.UtcNow.AddMinutes(-1);

        // Matching answered again when a late candidate arrived; the first answer, without them, is delivered after.
        var again = new VacancyMatched(vacancyId, [new CandidateMatch(candidates[0], 0.9, "a"), new CandidateMatch(candidates[1], 0.8, "b")], asOf, asOf.AddSeconds(2));
        var first = new VacancyMatched(vacancyId, [new CandidateMatch(candidates[0], 0.9, "a")], asOf, asOf.AddSeconds(1));
        await PublishAsync(again, NewId.NextGuid());
        await PublishAsync(first, NewId.NextGuid());

        await using var db = factory.Api.NewDbContext();
        var current = await db.VacancyMatches.Where(m => m.VacancyId == vacancyId && m.Status == MatchStatus.Suggested).OrderBy(m => m.Rank).ToListAsync();
        Assert.Equal(candidates, current.Select(m => m.CandidateId));
    }

    [Fact]
    public async Task An_answer_equal_to_the_stored_suggestions_of_the_same_version_stores_no_second_round_and_counts_as_the_later_one()
    {
        var (vacancyId, candidates) = await ArrangeAsync(3);
        var asOf = DateTimeOffset.UtcNow.AddMinutes(-1);
        var matches = candidates.Select((c, i) => new CandidateMatch(c, 0.9 - (i * 0.1), $"same occupation 7233; rank {i + 1}")).ToList();

        // A worker answers the vacancy's event and, at the same moment, again for a candidate event that found the
        // vacancy's match under way: two messages, one answer.
        await PublishAsync(new VacancyMatched(vacancyId, matches, asOf, asOf.AddSeconds(1)), NewId.NextGuid());
        await PublishAsync(new VacancyMatched(vacancyId, matches, asOf, asOf.AddSeconds(3)), NewId.NextGuid());

        // An answer matched between the two, delivered last, is older than what stands.
        await PublishAsync(new VacancyMatched(vacancyId, [matches[2]], asOf, asOf.AddSeconds(2)), NewId.NextGuid());

        await using var db = factory.Api.NewDbContext();
        var stored = await db.VacancyMatches.Where(m => m.VacancyId == vacancyId).OrderBy(m => m.Rank).ToListAsync();
        Assert.Equal(candidates, stored.Select(m => m.CandidateId));
        Assert.All(stored, m => Assert.Equal(MatchStatus.Suggested, m.Status));
        Assert.All(stored, m => Assert.Equal(asOf.AddSeconds(3), m.MatchedAt));
    }

    [Fact]
    public async Task The_facts_of_an_explanation_are_stored_with_it_and_an_answer_without_them_still_stores()
    {
        var (vacancyId, candidates) = await ArrangeAsync(2);
        var reasons = new MatchReasons("723310", 4, 2, 3, "9000", true, "9200", 6.8, new DateOnly(2027, 1, 21), new DateOnly(2027, 1, 7));
        var answer = new VacancyMatched(
            vacancyId,
            [new CandidateMatch(candidates[0], 0.9, "same occupation group 7233; 2 of 3 skills; 7 km; available from 21 Jan", reasons), new CandidateMatch(candidates[1], 0.8, "no shared occupation group; no skills required; same postcode; available")],
            DateTimeOffset.UtcNow,
            DateTimeOffset.UtcNow);

        await PublishAsync(answer, NewId.NextGuid());

        await using var db = factory.Api.NewDbContext();
        var stored = await db.VacancyMatches.Where(m => m.VacancyId == vacancyId).OrderBy(m => m.Rank).ToListAsync();
        Assert.Equal([reasons, null], stored.Select(m => m.Reasons));
        Assert.Equal("same occupation group 7233; 2 of 3 skills; 7 km; available from 21 Jan", stored[0].Explanation);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_goes_to_the_error_queue_and_is_listed_for_admins()
    {
        var (vacancyId, candidates) = await ArrangeAsync(1);
        var poison = new VacancyMatched(vacancyId, [new CandidateMatch(candidates[0], 0.5, null!)], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        var messageId = NewId.NextGuid();
        await Harness.Bus.Publish(poison, c => c.MessageId = messageId);

        // Three retries (0.2 + 1 + 5 s), then the fault.
        var admin = await factory.Api.SignInAsAdminAsync();
        System.Text.Json.Nodes.JsonNode? failure = null;
        for (var waited = 0; waited < 200 && failure is null; waited++)
        {
            var page = await admin.QueryAsync("{ consumerFailures(first: 50) { edges { node { faultedMessageId messageType exceptionType host } } } }");
            failure = page["consumerFailures"]!["edges"]!.AsArray().Select(e => e!["node"]).FirstOrDefault(n => n!["faultedMessageId"]!.GetValue<Guid>() == messageId);
            await Task.Delay(100);
        }

        Assert.NotNull(failure);
        Assert.Equal("VacancyMatched", failure["messageType"]!.GetValue<string>());
        Assert.Contains("NullReferenceException", failure["exceptionType"]!.GetValue<string>());
        await using var db = factory.Api.NewDbContext();
        Assert.Equal(0, await db.VacancyMatches.CountAsync(m => m.VacancyId == vacancyId));
    }

    private static VacancyMatched Answer(Guid vacancyId, IReadOnlyList<Guid> candidates, DateTimeOffset asOf)
        => new(vacancyId, candidates.Select((c, i) => new CandidateMatch(c, 0.9 - (i * 0.1), $"same occupation 7233; rank {i + 1}")).ToList(), asOf, DateTimeOffset.UtcNow);

    /// <summary>
    /// Publishes, then waits until a sentinel published after it is consumed: the endpoint takes one
    /// message at a time in order, so everything before the sentinel, repeats included, is done.
    /// </summary>
    private async Task PublishAsync(VacancyMatched answer, Guid messageId)
    {
        await Harness.Bus.Publish(answer, c => c.MessageId = messageId);
        var sentinel = NewId.NextGuid();
        await Harness.Bus.Publish(new VacancyMatched(Guid.NewGuid(), [], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow), c => c.MessageId = sentinel);
        for (var waited = 0; waited < 200; waited++)
        {
            if (Harness.Consumed.Select<VacancyMatched>(m => m.Context.MessageId == sentinel).Any())
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"VacancyMatched {messageId} was not consumed within 5 s.");
    }

    private async Task<(Guid VacancyId, List<Guid> Candidates)> ArrangeAsync(int candidates)
    {
        var company = await factory.Consultant.RegisterCompanyAtWorkAsync();
        var vacancy = await factory.Consultant.PostVacancyAsync(company);
        var ids = new List<Guid>();
        for (var i = 0; i < candidates; i++)
        {
            var candidate = await factory.Consultant.RegisterCandidateAsync();
            ids.Add(Api.Infrastructure.GraphQL.GlobalId.Parse(candidate["id"]!.GetValue<string>(), "Candidate", "id"));
        }

        return (vacancy.VacancyGuid(), ids);
    }
}
