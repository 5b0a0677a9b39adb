using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.DataGeneration;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.DataGeneration;

/// <summary>A test database seeded once with 200 companies and 5,000 placements.</summary>
public sealed class SeededDatabase : IDisposable
{
    public static readonly SeedOptions Options = new(200, 5_000, 42, new DateOnly(2026, 6, 30), 5);

    public SeededDatabase()
    {
        using var before = Factory.NewDbContext();
        IndexesBefore = SeedScenario.IndexNamesAsync(before).GetAwaiter().GetResult();
        Result = Factory.SeedAsync(Options).GetAwaiter().GetResult();
    }

    public CrmApiFactory Factory { get; } = new();

    public SeedResult Result { get; }

    public IReadOnlyList<string> IndexesBefore { get; }

    public void Dispose() => Factory.Dispose();
}

public sealed class SeededDatabaseTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Every_foreign_key_holds_the_indexes_are_back_and_the_file_is_in_write_ahead_mode_again()
    {
        await using var db = seeded.Factory.NewDbContext();

        Assert.Empty(await SeedScenario.RawRowsAsync(db, "PRAGMA foreign_key_check"));
        Assert.Equal("ok", await SeedScenario.TextAsync(db, "PRAGMA integrity_check"));
        Assert.Equal(seeded.IndexesBefore, await SeedScenario.IndexNamesAsync(db));
        Assert.Contains("IX_Placements_WorkplaceId_Status_PlannedStart", seeded.IndexesBefore);
        Assert.Equal("wal", await SeedScenario.TextAsync(db, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task The_rows_in_the_database_are_the_rows_the_generator_reports()
    {
        await using var db = seeded.Factory.NewDbContext();
        var counts = await SeedScenario.CountsAsync(db);

        Assert.Equal(200, counts["Companies"]);
        Assert.Equal(5_000, counts["Placements"]);
        Assert.All(SeedScenario.Tables, table => Assert.Equal(seeded.Result.RowsWritten[table], counts[table]));
        Assert.True(counts["Outcomes"] > 3 * counts["Placements"]);
        Assert.Equal(1, counts["SeededUsers"]);
    }

    [Fact]
    public async Task Placements_outcomes_vacancies_candidates_and_pledges_read_back_through_EF()
    {
        await using var db = seeded.Factory.NewDbContext();

        var placements = await db.Placements.AsNoTracking().Include(p => p.Exemptions).OrderBy(p => p.Id).Take(500).ToListAsync();
        var outcomes = await db.Outcomes.AsNoTracking().Where(o => placements.Select(p => p.Id).Contains(o.PlacementId)).ToListAsync();
        var vacancies = await db.Vacancies.AsNoTracking().OrderByDescending(v => v.CreatedAt).Take(300).ToListAsync();
        var candidates = await db.Candidates.AsNoTracking().Take(300).ToListAsync();
        var pledges = await db.Pledges.AsNoTracking().Take(100).ToListAsync();

        Assert.Contains(placements, p => p.EmployeeRepStatement is { IsPositive: true });
        Assert.Contains(placements, p => p.WageSubsidyConfirmation is { NoDismissalWithin3Months: true });
        Assert.All(placements.Where(p => p.Status == PlacementStatus.Completed), p => Assert.NotNull(p.ActualEnd));
        Assert.Contains(outcomes, o => o.EndResult is not null);
        Assert.Contains(outcomes, o => o.SelfSupporting == true);
        Assert.Contains(vacancies, v => v.RequiredSkills.Count > 0 && v.HoursPerWeek > 0);
        Assert.All(candidates, c => Assert.NotEmpty(c.SoughtOccupations));
        Assert.All(pledges, p => Assert.NotEmpty(p.TargetGroups));

        // Stored timestamps compare as instants: the history ends on --until.
        Assert.True(await db.Placements.MaxAsync(p => p.CreatedAt) <= UtcDays.EndOf(SeededDatabase.Options.Until));
        Assert.True(await db.Outcomes.AnyAsync(o => o.RecordedAt > UtcDays.StartOf(SeededDatabase.Options.Until.AddMonths(-1))));
    }

    [Fact]
    public async Task The_existing_GraphQL_queries_list_the_seeded_placements_vacancies_companies_and_pledges()
    {
        var consultant = await seeded.Factory.CreateUserAsync("CONSULTANT");

        var data = await consultant.Client.QueryAsync("""
            {
              placements(first: 50, filter: { statuses: [COMPLETED], offerKinds: [WAGE_SUBSIDY] }) {
                totalCount
                edges { node { offerKind status plannedStart actualEnd candidateTargetGroup company { name sector workplaces { pNumber ordinaryEmployees } }
                  employeeRepStatement { representativeName isPositive } wageSubsidyConfirmation { headcountLastMonth } outcomes { monthsAfterEnd endResult selfSupporting } } }
              }
              vacancies(first: 50) { totalCount edges { node { title status offerKind occupationTitle requiredSkills } } }
              companies(first: 50) { totalCount edges { node { name membershipStatus industryTitle pledges { periodStart internships targetGroups } contacts { name isEmployeeRepresentative } } } }
              candidates(first: 20) { totalCount edges { node { caseReference targetGroup soughtOccupations } } }
            }
            """);

        var placements = data["placements"]!;
        await using var db = seeded.Factory.NewDbContext();
        var completedWageSubsidies = await db.Placements.CountAsync(p => p.Status == PlacementStatus.Completed && p.OfferKind == OfferKind.WageSubsidy);
        Assert.Equal(completedWageSubsidies, placements["totalCount"]!.GetValue<int>());
        var nodes = placements["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        Assert.Equal(50, nodes.Count);
        Assert.All(nodes, n =>
        {
            Assert.Equal("WAGE_SUBSIDY", n["offerKind"]!.GetValue<string>());
            Assert.NotNull(n["employeeRepStatement"]);
            Assert.NotNull(n["wageSubsidyConfirmation"]);
        });

        // Consultants record most results at the end; a few are missing, as in real life.
        Assert.InRange(nodes.Count(n => n["outcomes"]!.AsArray().Any(o => o!["monthsAfterEnd"]!.GetValue<int>() == 0)), 45, 50);
        Assert.Equal(200, data["companies"]!["totalCount"]!.GetValue<int>());
        Assert.True(data["vacancies"]!["totalCount"]!.GetValue<int>() > 1_000);
        Assert.Contains(data["companies"]!["edges"]!.AsArray(), e => e!["node"]!["pledges"]!.AsArray().Count > 0);
    }

    [Fact]
    public async Task The_seeded_consultants_are_consultants_to_the_core_and_responsible_for_the_companies()
    {
        await using var scope = seeded.Factory.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IConsultantDirectory>();
        await using var db = seeded.Factory.NewDbContext();
        var consultant = await db.Users.SingleAsync(u => u.Email!.EndsWith("@" + CompanyBuilder.ConsultantDomain));

        var v = new Validator();
        await directory.CheckAsync(v, consultant.Id, "responsibleConsultantId", CancellationToken.None);

        Assert.True(v.IsValid);
        Assert.Equal(200, await db.Companies.CountAsync(c => c.ResponsibleConsultantId == consultant.Id));
        Assert.Equal(consultant.Email!.ToUpperInvariant(), consultant.NormalizedEmail);
        Assert.False(string.IsNullOrEmpty(consultant.SecurityStamp));
    }

    [Fact]
    public async Task Seeding_a_database_that_has_companies_is_refused_and_changes_nothing()
    {
        await using var before = seeded.Factory.NewDbContext();
        var counts = await SeedScenario.CountsAsync(before);

        var refused = await Assert.ThrowsAsync<SeedRefusedException>(() => seeded.Factory.SeedAsync(SeededDatabase.Options with { Seed = 1 }));

        Assert.Contains("already has 200 companies", refused.Message, StringComparison.Ordinal);
        await using var after = seeded.Factory.NewDbContext();
        Assert.Equal(counts, await SeedScenario.CountsAsync(after));
    }
}
