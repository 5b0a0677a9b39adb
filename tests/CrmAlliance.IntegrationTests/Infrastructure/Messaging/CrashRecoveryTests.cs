using System.Collections.Concurrent;
using System.Diagnostics;
using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.Candidates;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Vacancies;
using CrmAlliance.IntegrationTests.Yield.Projection;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CrmAlliance.IntegrationTests.Infrastructure.Messaging;

/// <summary>
/// The embedded default (SQLite file, in-memory bus, matching in the Api) killed with SIGKILL under load and
/// started again on the same file: nothing the bus carried may be lost with the process.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Writers = 8;
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(6);
    private const string Occupation = "7233";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"crm-crash-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task After_a_SIGKILL_under_load_every_acknowledged_write_and_every_effect_of_its_events_is_there()
    {
        var clock = Stopwatch.StartNew();
        var vacancies = new ConcurrentBag<Guid>();
        var contacts = new ConcurrentBag<Guid>();
        await using (var api = await ApiProcess.StartAsync(_database))
        {
            var consultant = await ArrangeAsync(api);
            var companies = new List<CompanyAtWork>();
            for (var i = 0; i < Writers; i++)
            {
                companies.Add(await consultant.RegisterCompanyAtWorkAsync());
            }

            using var stop = new CancellationTokenSource();
            var writers = companies.Select(company => WriteUntilKilledAsync(api, consultant, company, vacancies, contacts, stop.Token)).ToList();
            await Task.Delay(LoadBeforeKill);
            await api.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await using (var db = NewDbContext())
        {
            output.WriteLine($"At the kill: {vacancies.Count} vacancies and {contacts.Count} contacts acknowledged, {await db.OutboxMessages.CountAsync(m => m.SentAt == null)} outbox rows not delivered.");
        }

        Assert.True(vacancies.Count > 20, $"Only {vacancies.Count} vacancies were written before the kill: no load.");
        await using (var restarted = await ApiProcess.StartAsync(_database))
        {
            await SettledAsync();
            output.WriteLine("The restarted Api's log:\n" + restarted.Output);
        }

        await using (var db = NewDbContext())
        {
            var storedVacancies = await db.Vacancies.Select(v => v.Id).ToListAsync();
            var storedContacts = await db.ContactLogs.Select(c => c.Id).ToListAsync();
            Assert.Empty(vacancies.Except(storedVacancies));
            Assert.Empty(contacts.Except(storedContacts));

            var withoutSuggestions = await db.Vacancies
                .Where(v => v.Status == VacancyStatus.Open && !db.VacancyMatches.Any(m => m.VacancyId == v.Id && m.Status == MatchStatus.Suggested))
                .Select(v => v.Id)
                .ToListAsync();
            Assert.True(withoutSuggestions.Count == 0, $"{withoutSuggestions.Count} open vacancies have no match suggestions after the restart: {string.Join(", ", withoutSuggestions)}.");
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.SentAt == null));
        }

        string incremental;
        await using (var db = NewDbContext())
        {
            incremental = await ReadModelSnapshot.TakeAsync(db);
        }

        await ApiProcess.RunCommandAsync(_database, "rebuild-yield");
        await using (var db = NewDbContext())
        {
            var rebuilt = await ReadModelSnapshot.TakeAsync(db);
            Assert.Equal(rebuilt.Split('\n').Count(l => l.StartsWith("vacancy ", StringComparison.Ordinal)), incremental.Split('\n').Count(l => l.StartsWith("vacancy ", StringComparison.Ordinal)));
            Assert.Equal(rebuilt.Split('\n').Count(l => l.StartsWith("contact ", StringComparison.Ordinal)), incremental.Split('\n').Count(l => l.StartsWith("contact ", StringComparison.Ordinal)));
            Assert.Equal(rebuilt, incremental);
        }

        output.WriteLine($"Recovered; whole test {clock.Elapsed.TotalSeconds:0.0} s.");
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("CRM_TEST_KEEP_DATABASE") == "1")
        {
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>A consultant, and candidates every vacancy of the load matches, so each open vacancy must get suggestions.</summary>
    private static async Task<GraphQLClient> ArrangeAsync(ApiProcess api)
    {
        var admin = await api.SignInAsync(ApiProcess.AdminEmail, ApiProcess.AdminPassword);
        const string password = TestUsers.Password;
        await admin.QueryAsync(
            "mutation($input: CreateUserInput!) { createUser(input: $input) { id } }",
            new { input = new { email = "consultant@crash.local", displayName = "Konsulent", role = "CONSULTANT", password } });
        var consultant = await api.SignInAsync("consultant@crash.local", password);
        for (var i = 0; i < 5; i++)
        {
            var candidate = CandidateScenario.NewCandidate();
            candidate["soughtOccupations"] = new[] { Occupation };
            candidate["skills"] = new[] { "Svejsning", "Hydraulik" };
            candidate["postcode"] = "9000";
            candidate["availableFrom"] = TestData.Today.ToString("yyyy-MM-dd");
            await consultant.RegisterCandidateAsync(candidate);
        }

        return consultant;
    }

    /// <summary>Posts vacancies and logs contacts one after the other; only answered writes count as acknowledged.</summary>
    private static async Task WriteUntilKilledAsync(ApiProcess api, GraphQLClient consultant, CompanyAtWork company, ConcurrentBag<Guid> vacancies, ConcurrentBag<Guid> contacts, CancellationToken stop)
    {
        await Task.Yield();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var vacancy = VacancyScenario.NewVacancy(company);
                vacancy["occupationCode"] = Occupation;
                var posted = await consultant.SendAsync(VacancyScenario.Post, new { input = vacancy });
                if (posted.Errors.Count > 0)
                {
                    throw new InvalidOperationException(posted.Body);
                }

                vacancies.Add(GlobalId.Parse(posted.Data!["postVacancy"]!["id"]!.GetValue<string>(), "Vacancy", "id"));
                var logged = await consultant.SendAsync(
                    "mutation($input: LogContactInput!) { logContact(input: $input) { id } }",
                    new { input = new { companyId = company.CompanyId, occurredAt = DateTimeOffset.UtcNow.AddHours(-1), channel = "PHONE", summary = "Opfølgning på opslag" } });
                if (logged.Errors.Count > 0)
                {
                    throw new InvalidOperationException(logged.Body);
                }

                contacts.Add(GlobalId.Parse(logged.Data!["logContact"]!["id"]!.GetValue<string>(), "ContactLog", "id"));
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            // The process was killed mid-request: that write was not acknowledged.
            _ = api;
        }
    }

    /// <summary>Waits until every outbox row is delivered and the read model and suggestions stop changing.</summary>
    private async Task SettledAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(40);
        string? previous = null;
        while (DateTime.UtcNow < deadline)
        {
            await using var db = NewDbContext();
            var unsent = await db.OutboxMessages.CountAsync(m => m.SentAt == null);
            var current = await ReadModelSnapshot.TakeAsync(db) + await db.VacancyMatches.CountAsync();
            if (unsent == 0 && current == previous)
            {
                return;
            }

            previous = unsent == 0 ? current : null;
            await Task.Delay(500);
        }

        throw new TimeoutException("The restarted Api did not settle.");
    }

    private SqliteCrmDbContext NewDbContext()
        => new SqliteCrmDbContext(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite($"Data Source={_database}").Options);
}
