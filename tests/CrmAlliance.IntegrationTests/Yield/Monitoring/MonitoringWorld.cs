using System.Net.Http.Headers;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Yield.Monitoring;

/// <summary>
/// A read model of its own for 2025, arranged directly (the raw tables hold none of it), with these figures:
/// <list type="bullet">
/// <item>9 members: C c1–c5, G g1–g3 (g3 paused), Q q1 (no employees); 5 active (c1, c2, g1, g2, q1), 4 dormant;
/// not members: p1 (prospect, F) with activity, a company that joined in 2026, one that left. Only section C has
/// 5 companies behind it.</item>
/// <item>Placements started: ordinary job 20 (c1), internship 3 (c2), wage subsidy 8 (g1) + 10 (p1), flex job 6
/// (g2, running), mentor 7 (q1): 54 in all; by quarter 28, 13, 6, 7.</item>
/// <item>Results: 48 recorded, 23 in work or education (18 ordinary jobs, 5 education); reach 24 of 54; self-supporting
/// after 6 months: ordinary job 10 of 20, wage subsidy 6 of 8, mentor 5 of 5.</item>
/// <item>Targets for 2025: work or education 50 % (not met, 47.92 %), reach 25 % (met, 44.44 %), ordinary-job
/// self-support after 6 months 40 % (met, 10 of 20), and three whose counts are too small to show.</item>
/// </list>
/// </summary>
public sealed class MonitoringWorld : IAsyncLifetime
{
    public static readonly DateOnly AsOf = new(2025, 12, 31);

    public CrmApiFactory Factory { get; } = new();

    public HttpClient Manager { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Consultant { get; private set; } = null!;

    public HttpClient CompanyUser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var arrange = new ReadModelArranger(Factory, AsOf);
        DateOnly Day(int month, int day) => new(2025, month, day);
        var joined = new DateOnly(2020, 1, 1);
        var (c1, c2) = (arrange.Company(section: "C", joinedOn: joined), arrange.Company(section: "C", joinedOn: joined));
        arrange.Company(section: "C", joinedOn: joined);
        arrange.Company(section: "C", joinedOn: joined);
        arrange.Company(section: "C", joinedOn: joined);
        var (g1, g2) = (arrange.Company(section: "G", joinedOn: joined), arrange.Company(section: "G", joinedOn: joined));
        arrange.Company(section: "G", status: MembershipStatus.Paused, joinedOn: joined);
        var q1 = arrange.Company(section: "Q", employees: 0, joinedOn: joined);
        var p1 = arrange.Company(section: "F", status: MembershipStatus.Prospect);
        var late = arrange.Company(section: "C", joinedOn: new(2026, 3, 1));
        arrange.Company(section: "G", status: MembershipStatus.Left, joinedOn: joined);

        arrange.Placements(10, c1, OfferKind.OrdinaryJob, TargetGroup.InsuredUnemployed, Day(2, 1), Day(5, 31), EndResult.OrdinaryJob, selfSupporting6: true)
            .Placements(2, c1, OfferKind.OrdinaryJob, TargetGroup.InsuredUnemployed, Day(2, 1), Day(5, 31), EndResult.OrdinaryJob, selfSupporting6: false)
            .Placements(8, c1, OfferKind.OrdinaryJob, TargetGroup.InsuredUnemployed, Day(2, 1), Day(5, 31), EndResult.BackOnBenefits, selfSupporting6: false)
            .Placements(1, c2, OfferKind.Internship, TargetGroup.Integration, Day(4, 1), Day(4, 30), EndResult.OrdinaryJob)
            .Placements(2, c2, OfferKind.Internship, TargetGroup.Integration, Day(4, 1), Day(4, 30), EndResult.BackOnBenefits)
            .Placements(4, g1, OfferKind.WageSubsidy, TargetGroup.ActivityReadySocialAssistance, Day(3, 1), Day(9, 30), EndResult.OrdinaryJob, selfSupporting6: true)
            .Placements(2, g1, OfferKind.WageSubsidy, TargetGroup.ActivityReadySocialAssistance, Day(3, 1), Day(9, 30), EndResult.BackOnBenefits, selfSupporting6: true)
            .Placements(2, g1, OfferKind.WageSubsidy, TargetGroup.ActivityReadySocialAssistance, Day(3, 1), Day(9, 30), EndResult.BackOnBenefits, selfSupporting6: false)
            .Placements(1, p1, OfferKind.WageSubsidy, TargetGroup.InsuredUnemployed, Day(5, 1), Day(6, 30), EndResult.OrdinaryJob)
            .Placements(9, p1, OfferKind.WageSubsidy, TargetGroup.InsuredUnemployed, Day(5, 1), Day(6, 30), EndResult.BackOnBenefits)
            .Placements(6, g2, OfferKind.FlexJob, TargetGroup.FlexJobSeeker, Day(7, 1))
            .Placements(5, q1, OfferKind.Mentor, TargetGroup.ResourceProgramme, Day(10, 1), Day(12, 15), EndResult.Education, selfSupporting6: true)
            .Placements(2, q1, OfferKind.Mentor, TargetGroup.ResourceProgramme, Day(10, 1), Day(12, 15), EndResult.DroppedOut)
            .Placements(4, late, OfferKind.OrdinaryJob, TargetGroup.InsuredUnemployed, new(2026, 4, 1))
            .Vacancy(c1, OfferKind.OrdinaryJob, 10, Day(1, 15))
            .Vacancy(c1, OfferKind.OrdinaryJob, 5, Day(6, 1))
            .Vacancy(g1, OfferKind.WageSubsidy, 8, Day(2, 10))
            .Vacancy(c2, OfferKind.Internship, 6, Day(3, 3))
            .Vacancy(q1, OfferKind.Mentor, 2, Day(9, 1))
            .Pledge(c1, Day(1, 1), Day(12, 31), internships: 12);
        for (var i = 0; i < 6; i++)
        {
            arrange.Contact(c1, Day(i + 1, 10));
        }

        await arrange.SaveAsync(daysBookedThrough: AsOf);

        var admin = await Factory.SignInAsAdminAsync();
        foreach (var (offerKind, targetGroup, measure, percent) in new (string?, string?, string, decimal)[]
        {
            (null, null, "WORK_OR_EDUCATION", 50),
            (null, null, "REACH", 25),
            ("ORDINARY_JOB", null, "SELF_SUPPORTING_AFTER_6_MONTHS", 40),
            ("WAGE_SUBSIDY", null, "SELF_SUPPORTING_AFTER_6_MONTHS", 60),
            ("INTERNSHIP", null, "CONVERSION", 30),
            (null, "INTEGRATION", "WORK_OR_EDUCATION", 50),
        })
        {
            await admin.QueryAsync(Targets.EffectTargetTests.SetTarget, new { input = new { year = 2025, offerKind, targetGroup, measure, targetPercent = percent } });
        }

        await admin.QueryAsync(Targets.EffectTargetTests.SetTarget, new { input = new { year = 2024, measure = "REACH", targetPercent = 77 } });

        Admin = admin.Http;
        Manager = (await Factory.CreateUserAsync("MANAGER")).Client.Http;
        Consultant = (await Factory.CreateUserAsync("CONSULTANT")).Client.Http;
        var companyId = await TestCompanies.RegisterCompanyAsync(new GraphQLClient(Consultant), "Rapportlæser ApS");
        CompanyUser = (await Factory.CreateUserAsync("COMPANY", companyId)).Client.Http;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    public static async Task<(HttpResponseMessage Response, string Body)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }

    public static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;
}
