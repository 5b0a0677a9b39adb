using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Scenarios;

/// <summary>
/// The "done when", through GraphQL alone: the Admin creates a consultant and a company user;
/// the consultant does a day's work from finding a company to recording an outcome; the company user
/// posts and closes its own vacancy and is refused everything else.
/// </summary>
public sealed class DailyWorkTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private static readonly string Today = TestData.Today.ToString("yyyy-MM-dd");
    private static readonly string InThreeWeeks = TestData.Today.AddDays(21).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_consultants_day_and_a_company_users_day_work_end_to_end()
    {
        var admin = await factory.SignInAsAdminAsync();
        var consultant = await CreateAndSignInAsync(admin, "konsulent@jobcenter.test", "CONSULTANT", null);

        // Find a company (registered earlier), with a workplace of 12 ordinary employees.
        await consultant.RegisterCompanyAsync("Limfjordens Bageri ApS", industryCode: "107100", address: "Vesterbro 10", membershipStatus: "ACTIVE", joinedOn: "2024-03-01");
        var found = await consultant.QueryAsync("query($name: String) { companies(filter: { nameContains: $name }) { edges { node { id cvr } } } }", new { name = "Limfjordens" });
        var companyId = found["companies"]!["edges"]![0]!["node"]!["id"]!.GetValue<string>();
        var workplaceId = (await consultant.QueryAsync(
            "mutation($input: SaveWorkplaceInput!) { saveWorkplace(input: $input) { id } }",
            new { input = new { companyId, pNumber = TestData.NewPNumber(), name = "Bageriet", address = "Vesterbro 10", postcode = "9000", ordinaryEmployees = 12, employeesReportedFor = Today, averageEmployees12Months = 11.5 } })).Id("saveWorkplace");

        // Log a contact, record a pledge, post a vacancy, register a candidate.
        await consultant.QueryAsync(
            "mutation($input: LogContactInput!) { logContact(input: $input) { id } }",
            new { input = new { companyId, occurredAt = DateTimeOffset.UtcNow.AddHours(-1), channel = "VISIT", summary = "Besøg hos bageriet: vil gerne tage en praktikant.", followUpOn = InThreeWeeks } });
        await consultant.QueryAsync(
            "mutation($input: RecordPledgeInput!) { recordPledge(input: $input) { id } }",
            new { input = new { companyId, periodStart = $"{DateTime.Now.Year}-01-01", periodEnd = $"{DateTime.Now.Year}-12-31", internships = 2, ordinaryJobs = 1, targetGroups = new[] { "INSURED_UNEMPLOYED", "INTEGRATION" } } });
        var vacancyId = (await consultant.QueryAsync(
            "mutation($input: PostVacancyInput!) { postVacancy(input: $input) { id status } }",
            new { input = new { companyId, workplaceId, offerKind = "INTERNSHIP", occupationCode = "7512", title = "Bagerpraktikant", positions = 1, hoursPerWeek = 30, startDate = Today, publish = true } })).Id("postVacancy");
        var candidateId = (await consultant.QueryAsync(
            "mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { id displayAlias } }",
            new { input = new { caseReference = TestData.NewCaseReference(), targetGroup = "INSURED_UNEMPLOYED", soughtOccupations = new[] { "7512" }, skills = new[] { "dejhåndtering" }, educationLevel = "VOCATIONAL", hasWorkExperience = true, postcode = "9200", availableFrom = Today } })).Id("registerCandidate");

        // Propose, approve and start a placement, end it and record the outcome.
        var proposed = (await consultant.QueryAsync(
            "mutation($input: ProposePlacementInput!) { proposePlacement(input: $input) { id version status } }",
            new { input = new { candidateId, companyId, workplaceId, vacancyId, offerKind = "INTERNSHIP", purpose = "HIRING", plannedStart = Today, plannedEnd = InThreeWeeks } }))["proposePlacement"]!;
        var placementId = proposed["id"]!.GetValue<string>();
        var version = await StepAsync(consultant, "recordEmployeeRepStatement", new { placementId, version = proposed["version"]!.GetValue<int>(), representativeName = "Tillidsrepræsentant Hansen", givenOn = Today, isPositive = true });
        version = await StepAsync(consultant, "approvePlacement", new { id = placementId, version });
        version = await StepAsync(consultant, "startPlacement", new { id = placementId, version, actualStart = Today });
        await StepAsync(consultant, "endPlacement", new { id = placementId, version, actualEnd = Today });
        await consultant.QueryAsync(
            "mutation($input: RecordOutcomeInput!) { recordOutcome(input: $input) { __typename } }",
            new { input = new { placementId, monthsAfterEnd = 0, endResult = "ORDINARY_JOB" } });
        var placement = await consultant.QueryAsync("query($id: ID!) { placement(id: $id) { status outcomes { monthsAfterEnd endResult } } }", new { id = placementId });
        Assert.Equal("COMPLETED", placement["placement"]!["status"]!.GetValue<string>());
        Assert.Equal("ORDINARY_JOB", placement["placement"]!["outcomes"]![0]!["endResult"]!.GetValue<string>());

        // The company user posts and closes its own vacancy, and is refused the rest.
        var companyUser = await CreateAndSignInAsync(admin, "hr@bageriet.test", "COMPANY", companyId);
        var own = (await companyUser.QueryAsync(
            "mutation($input: PostVacancyInput!) { postVacancy(input: $input) { id version } }",
            new { input = new { companyId, workplaceId, offerKind = "ORDINARY_JOB", occupationCode = "7512", title = "Bager", positions = 1, hoursPerWeek = 37, startDate = InThreeWeeks, publish = true } }))["postVacancy"]!;
        var closed = await companyUser.QueryAsync(
            "mutation($input: ChangeVacancyStatusInput!) { changeVacancyStatus(input: $input) { status } }",
            new { input = new { id = own["id"]!.GetValue<string>(), version = own["version"]!.GetValue<int>(), transition = "CLOSE" } });
        Assert.Equal("CLOSED", closed["changeVacancyStatus"]!["status"]!.GetValue<string>());
        var ownPlacements = await companyUser.QueryAsync("{ placements { edges { node { candidateAlias status } } } }");
        Assert.Single(ownPlacements["placements"]!["edges"]!.AsArray());

        (await companyUser.SendAsync("query($id: ID!) { contactLogs(companyId: $id) { totalCount } }", new { id = companyId })).ShouldFailWith("FORBIDDEN");
        (await companyUser.SendAsync("{ candidates { totalCount } }")).ShouldFailWith("FORBIDDEN");
        (await companyUser.SendAsync("query($id: ID!) { placement(id: $id) { candidate { caseReference } } }", new { id = placementId })).ShouldFailWith("FORBIDDEN");
        (await companyUser.SendAsync(
            "mutation($input: RecordPledgeInput!) { recordPledge(input: $input) { id } }",
            new { input = new { companyId, periodStart = "2030-01-01", periodEnd = "2030-12-31", internships = 9 } })).ShouldFailWith("FORBIDDEN");
        var pledges = await companyUser.QueryAsync("query($id: ID) { pledges(companyId: $id) { edges { node { internships note } } } }", new { id = companyId });
        Assert.Null(pledges["pledges"]!["edges"]![0]!["node"]!["note"]);
    }

    private async Task<GraphQLClient> CreateAndSignInAsync(GraphQLClient admin, string email, string role, string? companyId)
    {
        await admin.QueryAsync(
            "mutation($input: CreateUserInput!) { createUser(input: $input) { id } }",
            new { input = new { email, displayName = email, role, password = TestUsers.Password, companyId } });
        return await factory.SignInAsync(email, TestUsers.Password);
    }

    /// <summary>Runs one placement step and returns the placement's new version.</summary>
    private static async Task<int> StepAsync(GraphQLClient consultant, string mutation, object input)
    {
        var inputType = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        var data = await consultant.QueryAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ version }} }}", new { input });
        return data[mutation]!["version"]!.GetValue<int>();
    }
}
