using System.Text.Json.Nodes;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Infrastructure.GraphQL.Authorization;

public enum Access
{
    Allowed,
    Refused,
    Hidden,
}

/// <summary>One operation: how to call it, and what each caller may do.</summary>
public sealed record MatrixRow(
    string Field,
    Func<MatrixFixture, Task<(string Query, object? Variables)>> Build,
    Access Admin,
    Access Consultant,
    Access Manager,
    Access CompanyOwn,
    Access CompanyOther)
{
    public Access Expect(Caller caller) => caller switch
    {
        Caller.Admin => Admin,
        Caller.Consultant => Consultant,
        Caller.Manager => Manager,
        Caller.CompanyOwn => CompanyOwn,
        Caller.CompanyOther => CompanyOther,
        _ => Access.Refused,
    };

    /// <summary>An answer that shows nothing: null, an empty list, or an empty connection.</summary>
    public static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject obj when obj["edges"] is JsonArray edges => edges.Count == 0,
        _ => false,
    };
}

public static partial class MatrixRows
{
    private const Access A = Access.Allowed;
    private const Access R = Access.Refused;
    private const Access H = Access.Hidden;

    private static Func<MatrixFixture, Task<(string, object?)>> Fixed(string query) => _ => Task.FromResult<(string, object?)>((query, null));

    private static Func<MatrixFixture, Task<(string, object?)>> With(Func<MatrixFixture, (string, object?)> build) => f => Task.FromResult(build(f));

    public static IReadOnlyList<MatrixRow> All { get; } =
    [
        .. Common,
        .. Vacancies,
        .. Candidates,
        .. Engagement,
        .. Placements,
        .. Messaging,
        .. CandidateImport,
        .. OutcomeImport,
        .. Yield,
        .. YieldTargets,
        .. Retention,
        new("importCompanies", With(_ => ("mutation($input: ImportCompaniesInput!) { importCompanies(input: $input) { committed } }",
            new { input = new { csv = $"cvr,name,industryCode,address,postcode,sector\n{TestData.NewCvr()},Import ApS,620100,Vej 1,9000,private\n" } })), R, A, R, R, R),
    ];

    private static string Today => TestData.Today.ToString("yyyy-MM-dd");

    private static Func<MatrixFixture, Task<(string, object?)>> OnPlacement(string mutation, PlacementStatus status, OfferKind kind, Func<string, object> input)
        => async f =>
        {
            var id = await f.AddPlacementAsync(status, kind);
            return ($"mutation($input: {char.ToUpperInvariant(mutation[0])}{mutation[1..]}Input!) {{ {mutation}(input: $input) {{ __typename }} }}", new { input = input(id) });
        };

    private static IEnumerable<MatrixRow> Placements =>
    [
        new("placements", Fixed("{ placements { edges { node { id } } } }"), A, A, A, A, H),
        new("placement", async f => ("query($id: ID!) { placement(id: $id) { id } }", new { id = await f.AddPlacementAsync(PlacementStatus.Proposed) }), A, A, A, A, H),
        new("ruleExemptions", Fixed("{ ruleExemptions { totalCount } }"), A, A, A, R, R),
        new("proposePlacement", With(f => ("mutation($input: ProposePlacementInput!) { proposePlacement(input: $input) { id } }",
            new { input = new { candidateId = f.CandidateId, companyId = f.OwnCompanyId, workplaceId = f.OwnWorkplaceId, offerKind = "ORDINARY_JOB", plannedStart = MatrixFixture.InTwoMonths, plannedEnd = TestData.Today.AddMonths(2).AddDays(Random.Shared.Next(1, 1000)).ToString("yyyy-MM-dd") } })), R, A, R, R, R),
        new("recordEmployeeRepStatement", OnPlacement("recordEmployeeRepStatement", PlacementStatus.Proposed, OfferKind.Internship,
            id => new { placementId = id, version = 1, representativeName = "Tillidsrepræsentant", givenOn = Today, isPositive = true }), R, A, R, R, R),
        new("confirmAdditionalEmployment", OnPlacement("confirmAdditionalEmployment", PlacementStatus.Proposed, OfferKind.WageSubsidy,
            id => new { placementId = id, version = 1, noDismissalWithin3Months = true }), R, A, R, R, R),
        new("recordRuleExemption", OnPlacement("recordRuleExemption", PlacementStatus.Proposed, OfferKind.Internship,
            id => new { placementId = id, version = 1, rule = "RATIO_RULE", reason = "Ny medarbejder starter før praktikken." }), R, A, R, R, R),
        new("approvePlacement", OnPlacement("approvePlacement", PlacementStatus.Proposed, OfferKind.OrdinaryJob, id => new { id, version = 1 }), R, A, R, R, R),
        new("startPlacement", OnPlacement("startPlacement", PlacementStatus.Approved, OfferKind.OrdinaryJob, id => new { id, version = 1, actualStart = Today }), R, A, R, R, R),
        new("endPlacement", OnPlacement("endPlacement", PlacementStatus.Active, OfferKind.OrdinaryJob, id => new { id, version = 1, actualEnd = Today }), R, A, R, R, R),
        new("cancelPlacement", OnPlacement("cancelPlacement", PlacementStatus.Proposed, OfferKind.OrdinaryJob, id => new { id, version = 1, reason = "Kandidaten fik andet job." }), R, A, R, R, R),
        new("recordOutcome", OnPlacement("recordOutcome", PlacementStatus.Completed, OfferKind.OrdinaryJob, id => new { placementId = id, monthsAfterEnd = 0, endResult = "ORDINARY_JOB" }), R, A, R, R, R),
    ];

    private static IEnumerable<MatrixRow> Engagement =>
    [
        new("contactLogs", With(f => ("query($id: ID!) { contactLogs(companyId: $id) { totalCount } }", new { id = f.OwnCompanyId })), A, A, A, R, R),
        new("followUpsDue", Fixed("{ followUpsDue { totalCount } }"), A, A, A, R, R),
        new("pledges", With(f => ("query($id: ID) { pledges(companyId: $id) { totalCount } }", new { id = f.OwnCompanyId })), A, A, A, A, R),
        new("logContact", With(f => ("mutation($input: LogContactInput!) { logContact(input: $input) { id } }",
            new { input = new { companyId = f.OwnCompanyId, occurredAt = DateTimeOffset.UtcNow.AddHours(-2), channel = "PHONE", summary = "Opfølgning på praktik" } })), R, A, R, R, R),
        new("completeFollowUp", async f => ("mutation($id: ID!) { completeFollowUp(id: $id) { id } }", new { id = await f.AddOpenFollowUpAsync() }), R, A, R, R, R),
        new("recordPledge", With(f =>
        {
            var (start, end) = f.NextPledgePeriod();
            return ("mutation($input: RecordPledgeInput!) { recordPledge(input: $input) { id } }", new { input = new { companyId = f.OwnCompanyId, periodStart = start, periodEnd = end, internships = 3 } });
        }), R, A, A, R, R),
        new("updatePledge", async f =>
        {
            var id = await f.AddPledgeToOwnCompanyAsync();
            var (start, end) = f.NextPledgePeriod();
            return ("mutation($input: UpdatePledgeInput!) { updatePledge(input: $input) { id } }",
                new { input = new { id, version = 1, periodStart = start, periodEnd = end, ordinaryJobs = 1, internships = 2, wageSubsidyJobs = 0, adultApprenticeships = 0, flexJobs = 0, mentors = 0, targetGroups = Array.Empty<string>() } });
        }, R, A, A, R, R),
        new("removePledge", async f => ("mutation($id: ID!) { removePledge(id: $id) }", new { id = await f.AddPledgeToOwnCompanyAsync() }), R, A, A, R, R),
    ];

    private static IEnumerable<MatrixRow> Vacancies =>
    [
        new("vacancies", Fixed("{ vacancies { edges { node { id } } } }"), A, A, A, A, H),
        new("vacancy", With(f => ("query($id: ID!) { vacancy(id: $id) { id } }", new { id = f.OwnVacancyId })), A, A, A, A, H),
        new("postVacancy", With(f => ("mutation($input: PostVacancyInput!) { postVacancy(input: $input) { id } }",
            new { input = new { companyId = f.OwnCompanyId, workplaceId = f.OwnWorkplaceId, offerKind = "INTERNSHIP", occupationCode = "5223", title = "Praktik", positions = 1, hoursPerWeek = 30, startDate = MatrixFixture.InTwoMonths } })), R, A, R, A, R),
        new("updateVacancy", async f => ("mutation($input: UpdateVacancyInput!) { updateVacancy(input: $input) { id } }",
            new { input = new { id = f.OwnVacancyId, version = await f.VersionOfAsync(f.OwnVacancyId), workplaceId = f.OwnWorkplaceId, offerKind = "ORDINARY_JOB", occupationCode = "5223", title = "Butiksassistent", positions = 2, hoursPerWeek = 37, startDate = MatrixFixture.InTwoMonths } }), R, A, R, A, R),
        new("changeVacancyStatus", async f =>
        {
            var id = await f.PostDraftVacancyAsync();
            return ("mutation($input: ChangeVacancyStatusInput!) { changeVacancyStatus(input: $input) { id } }", new { input = new { id, version = 1, transition = "PUBLISH" } });
        }, R, A, R, A, R),
    ];

    private static IEnumerable<MatrixRow> Candidates =>
    [
        new("candidates", Fixed("{ candidates { totalCount } }"), A, A, A, R, R),
        new("candidate", With(f => ("query($id: ID!) { candidate(id: $id) { id } }", new { id = f.CandidateId })), A, A, A, R, R),
        new("registerCandidate", With(_ => ("mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { id } }",
            new { input = new { caseReference = TestData.NewCaseReference(), targetGroup = "INTEGRATION", soughtOccupations = new[] { "9112" }, educationLevel = "PRIMARY", hasWorkExperience = false, postcode = "9220", availableFrom = "2026-01-01" } })), R, A, R, R, R),
        new("updateCandidate", async f => ("mutation($input: UpdateCandidateInput!) { updateCandidate(input: $input) { id } }",
            new { input = new { id = f.CandidateId, version = await f.VersionOfAsync(f.CandidateId), caseReference = "SAG-MATRIX-1", targetGroup = "INSURED_UNEMPLOYED", soughtOccupations = new[] { "5223" }, educationLevel = "VOCATIONAL", hasWorkExperience = true, postcode = "9000", availableFrom = "2026-01-01" } }), R, A, R, R, R),
    ];

    private static IEnumerable<MatrixRow> Common =>
    [
        new("me", Fixed("{ me { email } }"), A, A, A, A, A),
        new("node", With(f => ("query($id: ID!) { node(id: $id) { id } }", new { id = f.OwnCompanyId })), A, A, A, A, H),
        new("users", Fixed("{ users { totalCount } }"), A, R, R, R, R),
        new("occupations", Fixed("{ occupations(codePrefix: \"5223\") { code } }"), A, A, A, A, A),
        new("industries", Fixed("{ industries(codePrefix: \"62\") { code } }"), A, A, A, A, A),
        new("postcodes", Fixed("{ postcodes(codePrefix: \"9000\") { code } }"), A, A, A, A, A),
        new("companies", Fixed("{ companies(filter: { nameContains: \"Egen Virksomhed\" }) { edges { node { id } } } }"), A, A, A, A, H),
        new("company", With(f => ("query($id: ID!) { company(id: $id) { id } }", new { id = f.OwnCompanyId })), A, A, A, A, H),
        new("registerCompany", With(_ => ("mutation($input: RegisterCompanyInput!) { registerCompany(input: $input) { id } }",
            new { input = new { cvr = TestData.NewCvr(), name = "Matrix ApS", industryCode = "620100", address = "Vej 1", postcode = "9000", sector = "PRIVATE" } })), R, A, R, R, R),
        new("updateCompany", async f => ("mutation($input: UpdateCompanyInput!) { updateCompany(input: $input) { id } }",
            new { input = new { id = f.OwnCompanyId, version = await f.OwnCompanyVersionAsync(), name = "Egen Virksomhed A/S", industryCode = "620100", address = "Vej 1", postcode = "9000", sector = "PRIVATE", membershipStatus = "ACTIVE", joinedOn = "2024-01-01" } }), R, A, R, R, R),
        new("saveWorkplace", With(f => ("mutation($input: SaveWorkplaceInput!) { saveWorkplace(input: $input) { id } }",
            new { input = new { companyId = f.OwnCompanyId, pNumber = TestData.NewPNumber(), name = "Filial", address = "Vej 2", postcode = "9000", ordinaryEmployees = 5, employeesReportedFor = "2026-10-01", averageEmployees12Months = 5 } })), R, A, R, R, R),
        new("saveCompanyContact", With(f => ("mutation($input: SaveCompanyContactInput!) { saveCompanyContact(input: $input) { id } }",
            new { input = new { companyId = f.OwnCompanyId, name = "Ny Kontakt", email = "ny@example.dk", isEmployeeRepresentative = false } })), R, A, R, A, R),
        new("removeCompanyContact", async f => ("mutation($id: ID!) { removeCompanyContact(id: $id) }",
            new { id = GlobalId.Encode("CompanyContact", await f.AddContactToOwnCompanyAsync()) }), R, A, R, A, R),
        new("createUser", With(_ => ("mutation($input: CreateUserInput!) { createUser(input: $input) { id } }",
            new { input = new { email = $"matrix-{Guid.NewGuid():N}@test.local", displayName = "Matrix", role = "CONSULTANT", password = TestUsers.Password } })), A, R, R, R, R),
        new("inviteCompanyUser", With(f => ("mutation($input: InviteCompanyUserInput!) { inviteCompanyUser(input: $input) { id } }",
            new { input = new { companyId = f.OwnCompanyId, email = $"invite-{Guid.NewGuid():N}@test.local", displayName = "Inviteret" } })), A, A, R, R, R),
        new("inviteStaffUser", With(_ => ("mutation($input: InviteStaffUserInput!) { inviteStaffUser(input: $input) { id } }",
            new { input = new { email = $"staff-{Guid.NewGuid():N}@test.local", displayName = "Medarbejder", role = "MANAGER" } })), A, R, R, R, R),
        new("setUserRole", async f => ("mutation($input: SetUserRoleInput!) { setUserRole(input: $input) { id } }",
            new { input = new { userId = (await f.Factory.CreateUserAsync("MANAGER")).Id, role = "CONSULTANT" } }), A, R, R, R, R),
        new("setUserLocked", With(f => ("mutation($input: SetUserLockedInput!) { setUserLocked(input: $input) { id } }",
            new { input = new { userId = f.ConsultantId, locked = false } })), A, R, R, R, R),
    ];
}
