using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.IntegrationTests.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Vacancies;
using Microsoft.Extensions.DependencyInjection;
using static CrmAlliance.IntegrationTests.Placements.PlacementDriver;

namespace CrmAlliance.IntegrationTests.Yield.Projection;

/// <summary>
/// docs/architecture.md, principle 8: the read model kept up to date from bus events equals the one rebuilt from
/// the raw rows. A seeded random scenario drives the real mutations (companies, workplaces, placements
/// through their life, outcomes and follow-ups, vacancies, contacts, pledges changed and removed); the
/// events reach the projection through the outbox and the in-memory bus.
/// </summary>
public class IncrementalEqualsRebuiltTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private static readonly string[] EndResults = ["ORDINARY_JOB", "FLEX_JOB", "EDUCATION", "BACK_ON_BENEFITS", "DROPPED_OUT"];

    [Fact]
    public async Task The_read_model_fed_by_events_equals_the_one_rebuilt_from_the_raw_rows()
    {
        var random = new Random(20261124);
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var companies = new List<TestWorkplace>();
        foreach (var employees in new[] { 60, 80, 120, 150, 300, 75 })
        {
            companies.Add(await consultant.RegisterWorkplaceAsync(employees));
        }

        var groups = Enum.GetValues<TargetGroup>().Where(g => g is not TargetGroup.ResourceProgramme).ToArray();
        for (var i = 0; i < 24; i++)
        {
            var at = companies[random.Next(companies.Count)];
            var candidate = await factory.CreateCandidateAsync(groups[random.Next(groups.Length)]);
            var kind = random.Next(10);
            if (kind < 2)
            {
                // Still running: started in the last weeks, days booked through yesterday.
                var start = Today.AddDays(-random.Next(2, 20));
                var approved = await consultant.ApprovedInternshipAsync(candidate, at, start);
                await consultant.MutateOkAsync("startPlacement", new { id = Id(approved), version = Version(approved), actualStart = start.Iso() });
                continue;
            }

            if (kind < 3)
            {
                await consultant.ApprovedInternshipAsync(candidate, at, Today.AddDays(random.Next(5, 40)));
                continue;
            }

            var end = Today.AddDays(-random.Next(0, 420));
            var ended = await consultant.CompletedInternshipAsync(candidate, at, end);
            if (random.Next(5) > 0)
            {
                await consultant.MutateOkAsync("recordOutcome", new { placementId = Id(ended), monthsAfterEnd = 0, endResult = EndResults[random.Next(EndResults.Length)] }, OutcomeFields);
            }

            foreach (var months in new[] { 1, 3, 6, 12 }.Where(m => end.AddMonths(m) <= Today && random.Next(3) > 0))
            {
                await consultant.MutateOkAsync("recordOutcome", new { placementId = Id(ended), monthsAfterEnd = months, selfSupporting = random.Next(2) == 0 }, OutcomeFields);
            }
        }

        foreach (var at in companies.Take(4))
        {
            await consultant.PostVacancyAsync(new CompanyAtWork(at.CompanyId, at.WorkplaceId, "x"));
            await consultant.QueryAsync(
                "mutation($input: LogContactInput!) { logContact(input: $input) { id } }",
                new { input = new { companyId = at.CompanyId, occurredAt = DateTimeOffset.UtcNow.AddDays(-random.Next(1, 300)), channel = "VISIT", summary = "Besøg: taler om praktikpladser." } });
        }

        var pledges = new List<string>();
        foreach (var at in companies.Take(3))
        {
            pledges.Add((await consultant.QueryAsync(
                "mutation($input: RecordPledgeInput!) { recordPledge(input: $input) { id } }",
                new { input = new { companyId = at.CompanyId, periodStart = Today.AddMonths(-7).Iso(), periodEnd = Today.AddMonths(5).Iso(), internships = random.Next(1, 6), ordinaryJobs = random.Next(0, 3) } })).Id("recordPledge"));
        }

        await consultant.QueryAsync("mutation($id: ID!) { removePledge(id: $id) }", new { id = pledges[0] });
        await consultant.QueryAsync(
            "mutation($input: SaveWorkplaceInput!) { saveWorkplace(input: $input) { id } }",
            new { input = new { companyId = companies[1].CompanyId, pNumber = TestData.NewPNumber(), name = "Afdeling Øst", address = "Østergade 2", postcode = "9000", ordinaryEmployees = 33, employeesReportedFor = Today.Iso(), averageEmployees12Months = 30 } });

        var incremental = await ReadModelSnapshot.SettledAsync(factory);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<YieldRebuild>().RunAsync(null, null, CancellationToken.None);
        }

        await using var db = factory.NewDbContext();
        var rebuilt = await ReadModelSnapshot.TakeAsync(db);
        Assert.Contains("placement ", incremental, StringComparison.Ordinal);
        Assert.Contains("pledge ", incremental, StringComparison.Ordinal);
        Assert.Matches("SelfSupporting1=(True|False)", incremental);
        Assert.Equal(rebuilt, incremental);
    }
}

/// <summary>The projection and its rebuild agree on PostgreSQL too (the in-place rebuild runs there).</summary>
[OnPostgres]
public sealed class IncrementalEqualsRebuiltOnPostgresTests(PostgresApiFactory factory) : IncrementalEqualsRebuiltTests(factory), IClassFixture<PostgresApiFactory>;
