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
/// Two Api replicas over one database each consume one of two answers for the same vacancy at the same moment (the
/// vacancy-matched queue is shared; each replica takes one message at a time, but not the same one): the later answer
/// stands alone, as it does when one replica takes both.
/// </summary>
public sealed class VacancyMatchedAcrossReplicasTests : IDisposable
{
    private const int Vacancies = 20;

    private readonly CrmApiFactory _first;
    private readonly CrmApiFactory _second;

    public VacancyMatchedAcrossReplicasTests()
    {
        _first = Replica(null);
        _second = Replica(_first.ConnectionString);
    }

    [Fact]
    public async Task Two_answers_for_one_vacancy_stored_by_two_replicas_at_once_leave_one_round()
    {
        var consultant = (await _first.CreateUserAsync("CONSULTANT")).Client;
        _ = _second.Services;
        var company = await consultant.RegisterCompanyAtWorkAsync();
        var candidates = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            candidates.Add((await consultant.RegisterCandidateAsync()).CandidateGuid());
        }

        var vacancies = new List<Guid>();
        for (var i = 0; i < Vacancies; i++)
        {
            vacancies.Add((await consultant.PostVacancyAsync(company)).VacancyGuid());
        }

        var asOf = DateTimeOffset.UtcNow.AddMinutes(-1);
        var later = candidates.AsEnumerable().Reverse().ToList();
        await Task.WhenAll(vacancies.SelectMany(vacancy => new[]
        {
            PublishAsync(_first, Answer(vacancy, candidates, asOf, asOf.AddSeconds(1))),
            PublishAsync(_second, Answer(vacancy, later, asOf, asOf.AddSeconds(2))),
        }));
        await Polling.WaitForAsync(
            async () =>
            {
                await using var db = _first.NewDbContext();
                return await db.InboxMessages.CountAsync(m => m.Consumer == nameof(VacancyMatchedConsumer)) == 2 * Vacancies;
            },
            "both answers of every vacancy to be stored",
            TimeSpan.FromSeconds(60));

        await using var check = _first.NewDbContext();
        var current = (await check.VacancyMatches.Where(m => m.Status == MatchStatus.Suggested).ToListAsync()).GroupBy(m => m.VacancyId).ToList();
        Assert.Equal(vacancies.Order(), current.Select(g => g.Key).Order());
        Assert.All(current, round => Assert.Equal(later, round.OrderBy(m => m.Rank).Select(m => m.CandidateId)));
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    /// <summary>An Api host whose matching is off (the test plays its part), on its own database or on <paramref name="connectionString"/>.</summary>
    private static CrmApiFactory Replica(string? connectionString)
    {
        var settings = new Dictionary<string, string> { ["Matching:InProcess"] = "false" };
        if (connectionString is not null)
        {
            settings["ConnectionStrings:Crm"] = connectionString;
        }

        return new CrmApiFactory(settings, services => services.AddMassTransitTestHarness());
    }

    private static VacancyMatched Answer(Guid vacancyId, IReadOnlyList<Guid> candidates, DateTimeOffset asOf, DateTimeOffset matchedAt)
        => new(vacancyId, candidates.Select((c, i) => new CandidateMatch(c, 0.9 - (i * 0.1), $"same occupation 7233; rank {i + 1}")).ToList(), asOf, matchedAt);

    private static Task PublishAsync(CrmApiFactory replica, VacancyMatched answer)
        => replica.Services.GetRequiredService<ITestHarness>().Bus.Publish(answer, c => c.MessageId = NewId.NextGuid());
}
