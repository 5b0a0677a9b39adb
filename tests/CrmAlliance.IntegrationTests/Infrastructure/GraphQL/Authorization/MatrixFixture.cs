using CrmAlliance.Api.Features.Companies;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Infrastructure.GraphQL.Authorization;

public enum Caller
{
    Anonymous,
    Admin,
    Consultant,
    Manager,
    CompanyOwn,
    CompanyOther,
}

/// <summary>
/// One host with a user per role, two companies ("own" belongs to the CompanyOwn user, "other" to
/// CompanyOther) and the records the operations act on.
/// </summary>
public class MatrixFixture : IAsyncLifetime
{
    public MatrixFixture()
        : this(new Dictionary<string, string>())
    {
    }

    protected MatrixFixture(IReadOnlyDictionary<string, string> settings) => Factory = new CrmApiFactory(settings);

    public CrmApiFactory Factory { get; }

    public Dictionary<Caller, GraphQLClient> Clients { get; } = [];

    public string ConsultantId { get; private set; } = "";

    public string OwnCompanyId { get; private set; } = "";

    public Guid OwnCompanyGuid { get; private set; }

    public string OtherCompanyId { get; private set; } = "";

    public string OwnWorkplaceId { get; private set; } = "";

    public string OwnVacancyId { get; private set; } = "";

    public string CandidateId { get; private set; } = "";

    public static string InTwoMonths => TestData.Today.AddMonths(2).ToString("yyyy-MM-dd");

    public async Task InitializeAsync()
    {
        var consultant = await Factory.CreateUserAsync("CONSULTANT");
        ConsultantId = consultant.Id;
        OwnCompanyId = await consultant.Client.RegisterCompanyAsync("Egen Virksomhed A/S", address: "Vej 1", membershipStatus: "ACTIVE", joinedOn: "2024-01-01");
        OtherCompanyId = await consultant.Client.RegisterCompanyAsync("Anden Virksomhed A/S", address: "Vej 1", membershipStatus: "ACTIVE", joinedOn: "2024-01-01");
        OwnCompanyGuid = Api.Infrastructure.GraphQL.GlobalId.Parse(OwnCompanyId, "Company", "id");
        var workplace = await consultant.Client.QueryAsync(
            "mutation($input: SaveWorkplaceInput!) { saveWorkplace(input: $input) { id } }",
            new { input = new { companyId = OwnCompanyId, pNumber = TestData.NewPNumber(), name = "Hovedkontor", address = "Vej 1", postcode = "9000", ordinaryEmployees = 40, employeesReportedFor = "2026-10-01", averageEmployees12Months = 38.5 } });
        OwnWorkplaceId = workplace.Id("saveWorkplace");

        OwnVacancyId = await PostDraftVacancyAsync(consultant.Client);
        var candidate = await consultant.Client.QueryAsync(
            "mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { id } }",
            new { input = new { caseReference = TestData.NewCaseReference(), targetGroup = "INSURED_UNEMPLOYED", soughtOccupations = new[] { "5223" }, educationLevel = "VOCATIONAL", hasWorkExperience = true, postcode = "9000", availableFrom = "2026-01-01" } });
        CandidateId = candidate.Id("registerCandidate");

        Clients[Caller.Anonymous] = Factory.Anonymous();
        Clients[Caller.Admin] = await Factory.SignInAsAdminAsync();
        Clients[Caller.Consultant] = consultant.Client;
        Clients[Caller.Manager] = (await Factory.CreateUserAsync("MANAGER")).Client;
        Clients[Caller.CompanyOwn] = (await Factory.CreateUserAsync("COMPANY", OwnCompanyId)).Client;
        Clients[Caller.CompanyOther] = (await Factory.CreateUserAsync("COMPANY", OtherCompanyId)).Client;
    }

    public async Task<Guid> AddContactToOwnCompanyAsync()
    {
        await using var db = Factory.NewDbContext();
        var contact = new CompanyContact { CompanyId = OwnCompanyGuid, Name = "Midlertidig Kontakt" };
        db.CompanyContacts.Add(contact);
        await db.SaveChangesAsync();
        return contact.Id;
    }

    public Task<string> PostDraftVacancyAsync() => PostDraftVacancyAsync(Clients[Caller.Consultant]);

    public async Task<int> VersionOfAsync(string globalId)
    {
        Api.Infrastructure.GraphQL.GlobalId.TryDecode(globalId, out var type, out var key);
        var id = Guid.Parse(key);
        await using var db = Factory.NewDbContext();
        return type switch
        {
            "Vacancy" => db.Vacancies.Single(v => v.Id == id).Version,
            "Candidate" => db.Candidates.Single(c => c.Id == id).Version,
            "Placement" => db.Placements.Single(p => p.Id == id).Version,
            _ => db.Companies.Single(c => c.Id == id).Version,
        };
    }

    private async Task<string> PostDraftVacancyAsync(GraphQLClient consultant)
    {
        var data = await consultant.QueryAsync(
            "mutation($input: PostVacancyInput!) { postVacancy(input: $input) { id } }",
            new { input = new { companyId = OwnCompanyId, workplaceId = OwnWorkplaceId, offerKind = "ORDINARY_JOB", occupationCode = "5223", title = "Butiksassistent", positions = 1, hoursPerWeek = 37, startDate = InTwoMonths, publish = false } });
        return data.Id("postVacancy");
    }

    private int _pledgeYear = 2100;

    /// <summary>A pledge period no other pledge of the company overlaps.</summary>
    public (string Start, string End) NextPledgePeriod()
    {
        var year = Interlocked.Increment(ref _pledgeYear);
        return ($"{year}-01-01", $"{year}-12-31");
    }

    public async Task<string> AddPledgeToOwnCompanyAsync()
    {
        var (start, end) = NextPledgePeriod();
        await using var db = Factory.NewDbContext();
        var pledge = new Api.Features.Pledges.Pledge { CompanyId = OwnCompanyGuid, PeriodStart = DateOnly.Parse(start), PeriodEnd = DateOnly.Parse(end), Internships = 2, RecordedBy = "matrix" };
        db.Pledges.Add(pledge);
        await db.SaveChangesAsync();
        return Api.Infrastructure.GraphQL.GlobalId.Encode("Pledge", pledge.Id);
    }

    public async Task<string> AddOpenFollowUpAsync()
    {
        await using var db = Factory.NewDbContext();
        var log = new Api.Features.ContactLogs.ContactLog { CompanyId = OwnCompanyGuid, ConsultantId = "matrix", OccurredAt = DateTimeOffset.UtcNow.AddDays(-1), Summary = "Besøg", FollowUpOn = TestData.Today };
        db.ContactLogs.Add(log);
        await db.SaveChangesAsync();
        return Api.Infrastructure.GraphQL.GlobalId.Encode("ContactLog", log.Id);
    }

    /// <summary>A placement at the own company's workplace, in the given state, for a fresh candidate.</summary>
    public async Task<string> AddPlacementAsync(Api.Features.Placements.PlacementStatus status, Api.Features.OfferKind kind = Api.Features.OfferKind.OrdinaryJob)
    {
        var today = TestData.Today;
        await using var db = Factory.NewDbContext();
        var candidate = new Api.Features.Candidates.Candidate { CaseReference = TestData.NewCaseReference(), DisplayAlias = "Kandidat M", Postcode = "9000", SoughtOccupations = ["5223"], AvailableFrom = today };
        db.Candidates.Add(candidate);
        var started = status is Api.Features.Placements.PlacementStatus.Active or Api.Features.Placements.PlacementStatus.Completed;
        var placement = new Api.Features.Placements.Placement
        {
            CandidateId = candidate.Id,
            CompanyId = OwnCompanyGuid,
            WorkplaceId = Api.Infrastructure.GraphQL.GlobalId.Parse(OwnWorkplaceId, "Workplace", "id"),
            OfferKind = kind,
            Purpose = kind == Api.Features.OfferKind.Internship ? Api.Features.Placements.InternshipPurpose.Clarification : null,
            PlannedStart = started ? today.AddDays(-20) : today.AddDays(30),
            PlannedEnd = started ? today.AddDays(-1) : today.AddDays(50),
            ActualStart = started ? today.AddDays(-20) : null,
            ActualEnd = status == Api.Features.Placements.PlacementStatus.Completed ? today.AddDays(-1) : null,
            Status = status,
            ProposedBy = "matrix",
        };
        db.Placements.Add(placement);
        await db.SaveChangesAsync();
        return Api.Infrastructure.GraphQL.GlobalId.Encode("Placement", placement.Id);
    }

    /// <summary>A suggested match of a fresh candidate for a fresh open vacancy of the own company, as matching would store it.</summary>
    public async Task<string> AddSuggestedMatchAsync()
    {
        var today = TestData.Today;
        await using var db = Factory.NewDbContext();
        var candidate = new Api.Features.Candidates.Candidate { CaseReference = TestData.NewCaseReference(), DisplayAlias = "Kandidat S", Postcode = "9000", SoughtOccupations = ["5223"], AvailableFrom = today };
        var vacancy = new Api.Features.Vacancies.Vacancy
        {
            CompanyId = OwnCompanyGuid,
            WorkplaceId = Api.Infrastructure.GraphQL.GlobalId.Parse(OwnWorkplaceId, "Workplace", "id"),
            OfferKind = Api.Features.OfferKind.OrdinaryJob,
            OccupationCode = "5223",
            Title = "Butiksassistent",
            HoursPerWeek = 37,
            StartDate = today.AddMonths(1),
            Status = Api.Features.Vacancies.VacancyStatus.Open,
        };
        var match = new Api.Features.Matches.VacancyMatch { VacancyId = vacancy.Id, CandidateId = candidate.Id, Rank = 1, Score = 0.9, Explanation = "same occupation 5223; available" };
        db.AddRange(candidate, vacancy, match);
        await db.SaveChangesAsync();
        return Api.Infrastructure.GraphQL.GlobalId.Encode("Match", match.Id);
    }

    public async Task<int> OwnCompanyVersionAsync()
    {
        await using var db = Factory.NewDbContext();
        return db.Companies.Single(c => c.Id == OwnCompanyGuid).Version;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The same world with the schema's role metadata not enforced: the feature core must refuse alone.</summary>
public sealed class CoreOnlyMatrixFixture() : MatrixFixture(new Dictionary<string, string> { ["GraphQL:EnforceRoleMetadata"] = "false" });
