using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Yield.Reports;

[CollectionDefinition(Name)]
public sealed class YieldReportsCollection : ICollectionFixture<YieldReportsFixture>
{
    public const string Name = "Yield reports";
}

/// <summary>
/// One small alliance whose 2025 figures are worked out by hand in the tests (see the comments there):
/// members Alpha, Beta, Gamma (section C), Delta, Epsilon, Zeta (F, Zeta paused), Kappa (J, no employees);
/// not members: Eta (joins 2026), Iota (left), Omega (prospect). Alpha and Omega have company users.
/// </summary>
public sealed class YieldReportsFixture : IAsyncLifetime
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    public CrmApiFactory Factory { get; } = new();

    public GraphQLClient Manager { get; private set; } = null!;

    public GraphQLClient Consultant { get; private set; } = null!;

    public GraphQLClient Admin { get; private set; } = null!;

    public GraphQLClient AlphaUser { get; private set; } = null!;

    public GraphQLClient OmegaUser { get; private set; } = null!;

    public string ConsultantId { get; private set; } = "";

    public Dictionary<string, YieldCompany> Companies { get; } = [];

    public string Id(string name) => ReadModelArranger.IdOf(Companies[name]);

    public async Task InitializeAsync()
    {
        var consultant = await Factory.CreateUserAsync("CONSULTANT");
        Consultant = consultant.Client;
        ConsultantId = consultant.Id;
        var consultantKey = GlobalId.ParseKey(consultant.Id, "User", "id");
        Manager = (await Factory.CreateUserAsync("MANAGER")).Client;
        Admin = await Factory.SignInAsAdminAsync();

        var world = new ReadModelArranger(Factory, TestData.Today);
        var alpha = Add(world.Company("Alpha", "C", 40, consultantId: consultantKey, raw: true));
        world.Vacancy(alpha, OfferKind.Internship, 3, D(2025, 2, 10));
        world.Vacancy(alpha, OfferKind.OrdinaryJob, 2, D(2025, 5, 3));
        world.Vacancy(alpha, OfferKind.WageSubsidy, 1, D(2024, 12, 20));
        world.Placement(alpha, OfferKind.Internship, TargetGroup.ActivityReadySocialAssistance, D(2025, 1, 6), D(2025, 2, 2), EndResult.OrdinaryJob, selfSupporting1: true, selfSupporting3: true, selfSupporting6: true);
        world.Placement(alpha, OfferKind.Internship, TargetGroup.InsuredUnemployed, D(2025, 3, 3), D(2025, 3, 30), EndResult.BackOnBenefits, selfSupporting1: false, selfSupporting3: false);
        world.Placement(alpha, OfferKind.WageSubsidy, TargetGroup.Integration, D(2025, 4, 1), D(2025, 9, 30), EndResult.Education, selfSupporting1: true);
        world.Placement(alpha, OfferKind.OrdinaryJob, TargetGroup.JobReadySocialAssistance, D(2025, 11, 15));
        world.Placement(alpha, OfferKind.Internship, TargetGroup.ResourceProgramme, D(2024, 12, 1), D(2025, 1, 10), EndResult.DroppedOut, endedEarly: true);
        world.Contact(alpha, D(2025, 1, 15));
        world.Contact(alpha, D(2025, 3, 20));
        world.Contact(alpha, D(2025, 6, 1));
        world.Contact(alpha, D(2024, 11, 11));
        world.Pledge(alpha, D(2025, 1, 1), D(2025, 12, 31), ordinaryJobs: 2, internships: 4);

        world.Vacancy(Add(world.Company("Beta", "C", 5)), OfferKind.OrdinaryJob, 2, D(2025, 6, 10));

        var gamma = Add(world.Company("Gamma", "C", 100));
        world.Vacancy(gamma, OfferKind.Internship, 10, D(2025, 2, 1));
        for (var i = 0; i < 5; i++)
        {
            var start = D(2025, 2, 3).AddDays(7 * i);
            world.Placement(gamma, OfferKind.Internship, TargetGroup.InsuredUnemployed, start, start.AddDays(6), EndResult.BackOnBenefits);
        }

        world.Vacancy(Add(world.Company("Delta", "F", 40)), OfferKind.Mentor, 2, D(2025, 8, 1));
        world.Vacancy(Add(world.Company("Epsilon", "F", 40)), OfferKind.OrdinaryJob, 2, D(2025, 9, 1));

        var zeta = Add(world.Company("Zeta", "F", 20, MembershipStatus.Paused, consultantId: consultantKey));
        world.Vacancy(zeta, OfferKind.OrdinaryJob, 1, D(2024, 3, 5));
        world.Contact(zeta, D(2025, 5, 5));
        world.Pledge(zeta, D(2025, 1, 1), D(2025, 12, 31), mentors: 2);

        Add(world.Company("Kappa", "J", 0));
        Add(world.Company("Eta", "C", 12, joinedOn: D(2026, 1, 1)));
        world.Vacancy(Add(world.Company("Iota", "C", 30, MembershipStatus.Left)), OfferKind.OrdinaryJob, 4, D(2025, 4, 4));

        var omega = Add(world.Company("Omega", "G", 300, MembershipStatus.Prospect, raw: true));
        for (var i = 0; i < 12; i++)
        {
            var start = D(2025, 1, 6).AddDays(7 * i);
            world.Placement(omega, OfferKind.Internship, TargetGroup.InsuredUnemployed, start, start.AddDays(13), i < 5 ? EndResult.OrdinaryJob : EndResult.BackOnBenefits, selfSupporting6: i < 10 ? i < 9 : null);
        }

        await world.SaveAsync(world.AsOf);
        AlphaUser = (await Factory.CreateUserAsync("COMPANY", Id("Alpha"))).Client;
        OmegaUser = (await Factory.CreateUserAsync("COMPANY", Id("Omega"))).Client;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    private YieldCompany Add(YieldCompany company)
    {
        Companies[company.Name] = company;
        return company;
    }
}
