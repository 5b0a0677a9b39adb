using System.Globalization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Demo;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Features.Yield.Reports;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Demo;

/// <summary>The host started once with <c>Seed:Demo=true</c> on a fresh database (as <c>--seed-demo</c> does).</summary>
public sealed class DemoSeededHost : IDisposable
{
    public DemoSeededHost()
    {
        Database = new CrmApiFactory();
        Seeded = Database.WithWebHostBuilder(b => b.UseSetting("Seed:Demo", "true"));
        _ = Seeded.Server;
    }

    /// <summary>The test database; <see cref="CrmApiFactory.NewDbContext"/> reads what the seeded host wrote.</summary>
    public CrmApiFactory Database { get; }

    public WebApplicationFactory<Program> Seeded { get; }

    public void Dispose()
    {
        Seeded.Dispose();
        Database.Dispose();
    }
}

public sealed class DemoDataTests(DemoSeededHost host) : IClassFixture<DemoSeededHost>
{
    private static readonly ReferenceCatalog Catalog = new();

    [Fact]
    public async Task A_first_start_with_Seed_Demo_loads_at_least_50_companies_with_valid_CVR_numbers_industries_and_postcodes()
    {
        await using var db = host.Database.NewDbContext();
        var companies = await db.Companies.Include(c => c.Workplaces).AsNoTracking().ToListAsync();

        Assert.True(companies.Count >= 50, $"{companies.Count} companies");
        Assert.All(companies, c =>
        {
            Assert.True(DanishIdentifiers.IsValidCvr(c.Cvr), $"{c.Name}: CVR {c.Cvr}");
            Assert.NotNull(Catalog.FindIndustry(c.IndustryCode));
            Assert.NotNull(Catalog.FindPostcode(c.Postcode));
            Assert.InRange(c.Workplaces.Count, 1, 3);
            Assert.All(c.Workplaces, w => Assert.NotNull(Catalog.FindPostcode(w.Postcode)));
        });
        Assert.True(await db.ContactLogs.CountAsync() > 300);
        Assert.True(await db.Pledges.AnyAsync());
        Assert.True(await db.Outcomes.AnyAsync(o => o.MonthsAfterEnd > 0));
    }

    [Fact]
    public async Task Every_vacancy_and_candidate_occupation_is_a_DISCO_08_code_in_the_catalog_and_no_reference_is_CPR_shaped()
    {
        await using var db = host.Database.NewDbContext();
        var vacancies = await db.Vacancies.AsNoTracking().ToListAsync();
        var candidates = await db.Candidates.AsNoTracking().ToListAsync();

        Assert.All(Enum.GetValues<OfferKind>(), kind => Assert.Contains(vacancies, v => v.OfferKind == kind));
        Assert.All(vacancies, v => Assert.NotNull(Catalog.FindOccupation(v.OccupationCode)));
        Assert.True(candidates.Count >= 200);
        Assert.All(Enum.GetValues<TargetGroup>(), group => Assert.Contains(candidates, c => c.TargetGroup == group));
        Assert.All(candidates, c =>
        {
            Assert.All(c.SoughtOccupations, code => Assert.NotNull(Catalog.FindOccupation(code)));
            Assert.False(CprNumbers.AppearIn(c.CaseReference), c.CaseReference);
        });
    }

    [Fact]
    public async Task No_workplace_has_more_approved_or_active_internships_and_wage_subsidy_jobs_than_the_ratio_rule_allows_without_an_exemption()
    {
        await using var db = host.Database.NewDbContext();
        var employees = await db.Workplaces.ToDictionaryAsync(w => w.Id, w => w.OrdinaryEmployees);
        var current = await db.Placements
            .Where(p => (p.OfferKind == OfferKind.Internship || p.OfferKind == OfferKind.WageSubsidy)
                && (p.Status == PlacementStatus.Approved || p.Status == PlacementStatus.Active)
                && !p.Exemptions.Any(e => e.Rule == PlacementRule.RatioRule))
            .GroupBy(p => p.WorkplaceId)
            .Select(g => new { WorkplaceId = g.Key, Count = g.Count() })
            .ToListAsync();

        Assert.NotEmpty(current);
        Assert.All(current, w =>
        {
            // The rule's defaults, computed here rather than by the code under test: 1 per 5 up to 50 employees (at least 1), then 1 per 10.
            var staff = employees[w.WorkplaceId];
            var limit = staff <= 50 ? Math.Max(1, staff / 5) : 10 + ((staff - 50) / 10);
            Assert.True(w.Count <= limit, $"{w.Count} placements for {staff} employees (limit {limit})");
        });
        Assert.True(await db.RuleExemptions.AnyAsync(e => e.Rule == PlacementRule.RatioRule));
    }

    [Fact]
    public async Task Subsidised_placements_have_the_representatives_statement_before_they_start()
    {
        await using var db = host.Database.NewDbContext();
        var started = await db.Placements.AsNoTracking()
            .Where(p => (p.OfferKind == OfferKind.Internship || p.OfferKind == OfferKind.WageSubsidy) && p.Status != PlacementStatus.Proposed)
            .ToListAsync();

        Assert.NotEmpty(started);
        Assert.All(started, p => Assert.True(p.EmployeeRepStatement is { IsPositive: true } s && s.GivenOn <= p.PlannedStart));
        Assert.All(started.Where(p => p.OfferKind == OfferKind.Internship), p => Assert.NotNull(p.Purpose));
        Assert.All(started.Where(p => p.OfferKind == OfferKind.WageSubsidy), p => Assert.NotNull(p.WageSubsidyConfirmation));
    }

    [Theory]
    [InlineData("admin@demo.crmalliance.dk", "ADMIN")]
    [InlineData("consultant@demo.crmalliance.dk", "CONSULTANT")]
    [InlineData("consultant2@demo.crmalliance.dk", "CONSULTANT")]
    [InlineData("manager@demo.crmalliance.dk", "MANAGER")]
    [InlineData("company@demo.crmalliance.dk", "COMPANY")]
    public async Task The_demo_users_sign_in_with_the_documented_password_in_their_roles(string email, string role)
    {
        var client = await host.Seeded.SignInAsync(email, DemoSeeder.Password);

        var data = await client.QueryAsync("{ me { email role } companies(first: 1) { totalCount edges { node { name } } } }");

        Assert.Equal((email, role), (data["me"]!["email"]!.GetValue<string>(), data["me"]!["role"]!.GetValue<string>()));
        var companies = data["companies"]!;
        if (role == "COMPANY")
        {
            Assert.Equal(1, companies["totalCount"]!.GetValue<int>());
            Assert.Equal(DemoCompanyProfiles.CompanyUsersCompany, companies["edges"]![0]!["node"]!["name"]!.GetValue<string>());
        }
        else
        {
            Assert.True(companies["totalCount"]!.GetValue<int>() >= 50);
        }
    }

    /// <summary>The periods the company page offers (this year, its quarters so far, last year) and the last 12 months.</summary>
    private static IEnumerable<string> CompanyPagePeriods(DateOnly today)
    {
        yield return today.Year.ToString(CultureInfo.InvariantCulture);
        for (var quarter = 1; quarter <= ((today.Month - 1) / 3) + 1; quarter++)
        {
            yield return ReportPeriod.Quarter(today.Year, quarter).Label;
        }

        yield return (today.Year - 1).ToString(CultureInfo.InvariantCulture);
        yield return LastTwelveMonths(today);
    }

    private static string LastTwelveMonths(DateOnly today)
        => ReportPeriod.Months(new DateOnly(today.Year, today.Month, 1).AddMonths(-11), new DateOnly(today.Year, today.Month, 1)).Label;

    [Fact]
    public async Task The_demo_company_user_sees_its_place_among_peers_with_the_medians_of_its_industry_and_size_band()
    {
        var today = DanishCalendar.Today(TimeProvider.System);
        await using var db = host.Database.NewDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "company@demo.crmalliance.dk");
        var actor = new Actor(user.Id, user.Email!, Role.Company, user.CompanyId);

        foreach (var period in CompanyPagePeriods(today))
        {
            await using var scope = host.Seeded.Services.CreateAsyncScope();
            var view = await scope.ServiceProvider.GetRequiredService<PartnerYieldQuery>()
                .GetAsync(user.CompanyId!.Value, period, YieldSlice.Whole, actor, CancellationToken.None);

            Assert.False(view.ScoreSuppressed, $"{period}: the score and the place among peers are withheld");
            Assert.NotNull(view.Overall);
            foreach (var position in new[] { view.Overall, view.InIndustrySection!, view.InSizeBand! })
            {
                Assert.True(position.Of >= 5, $"{period}: {position.Group} has {position.Of} members");
                Assert.False(position.MedianSuppressed, $"{period}: the median of {position.Group} is withheld");
            }

            Assert.True(view.Measures.WorkOrEducation.Base > 0 || view.Measures.Reach.Base > 0, $"{period}: nothing to place the company by");
        }
    }

    [Fact]
    public async Task The_demo_manager_sees_a_free_labour_alert_for_the_last_12_months_and_this_year()
    {
        var today = DanishCalendar.Today(TimeProvider.System);
        await using var db = host.Database.NewDbContext();
        var manager = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "manager@demo.crmalliance.dk");
        var actor = new Actor(manager.Id, manager.Email!, Role.Manager, null);

        // This year from the day its first subsidised placements have ended; the last 12 months always.
        string[] periods = today.DayOfYear > 60 ? [LastTwelveMonths(today), today.Year.ToString(CultureInfo.InvariantCulture)] : [LastTwelveMonths(today)];
        foreach (var period in periods)
        {
            await using var scope = host.Seeded.Services.CreateAsyncScope();
            var alerts = await scope.ServiceProvider.GetRequiredService<FreeLabourAlertsQuery>().ListAsync(period, new PageRequest(20), actor, CancellationToken.None);

            var alert = Assert.Single(alerts.Page.Items, a => a.Company.Name == DemoCompanyProfiles.FreeLabourCompany);
            Assert.True(alert.Figures.FreeLabourRisk);
        }
    }

    [Fact]
    public async Task A_second_start_with_Seed_Demo_loads_nothing_again()
    {
        await using var before = host.Database.NewDbContext();
        var counts = await CountsAsync(before);

        using (var second = host.Database.WithWebHostBuilder(b => b.UseSetting("Seed:Demo", "true")))
        {
            _ = second.Server;
        }

        await using var after = host.Database.NewDbContext();
        Assert.Equal(counts, await CountsAsync(after));
    }

    [Fact]
    public async Task Without_Seed_Demo_a_first_start_loads_no_demo_data()
    {
        using var plain = new CrmApiFactory();
        _ = plain.Server;

        await using var db = plain.NewDbContext();
        Assert.False(await db.Companies.AnyAsync());
        Assert.False(await db.Users.AnyAsync(u => u.Email!.EndsWith("@demo.crmalliance.dk")));
    }

    private static async Task<int[]> CountsAsync(Api.Infrastructure.Data.CrmDbContext db)
        => [await db.Companies.CountAsync(), await db.Users.CountAsync(), await db.ContactLogs.CountAsync(), await db.Placements.CountAsync(), await db.Candidates.CountAsync()];
}
