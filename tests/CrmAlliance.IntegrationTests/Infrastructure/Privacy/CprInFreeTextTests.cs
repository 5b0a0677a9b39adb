using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Infrastructure.Privacy;

/// <summary>
/// Free text the authorization matrix's calls leave out — skill lists and the CSV imports' cells — refuses a
/// CPR-shaped number too, names the field, stores nothing and repeats no number.
/// </summary>
public sealed class CprInFreeTextTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string Cpr = "010190-1234";

    [Fact]
    public async Task A_candidates_skill_holding_a_CPR_number_is_refused()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var reference = TestData.NewCaseReference();

        var response = await consultant.SendAsync(
            "mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { id } }",
            new { input = new { caseReference = reference, targetGroup = "INSURED_UNEMPLOYED", soughtOccupations = new[] { "5223" }, skills = new[] { "Truckcertifikat", "CPR " + Cpr }, educationLevel = "VOCATIONAL", hasWorkExperience = true, postcode = "9000", availableFrom = "2026-01-01" } });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.skills"], response.Fields);
        Assert.DoesNotContain("010190", response.Body, StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.False(await db.Candidates.AnyAsync(c => c.CaseReference == reference));
    }

    [Fact]
    public async Task A_vacancys_required_skill_holding_a_CPR_number_is_refused()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var companyId = await consultant.RegisterCompanyAsync("Skilte og Skilt ApS");
        var workplace = await consultant.QueryAsync(
            "mutation($input: SaveWorkplaceInput!) { saveWorkplace(input: $input) { id } }",
            new { input = new { companyId, pNumber = TestData.NewPNumber(), name = "Lageret", address = "Vej 1", postcode = "9000", ordinaryEmployees = 40, employeesReportedFor = "2026-10-01", averageEmployees12Months = 38.5 } });

        var response = await consultant.SendAsync(
            "mutation($input: PostVacancyInput!) { postVacancy(input: $input) { id } }",
            new { input = new { companyId, workplaceId = workplace.Id("saveWorkplace"), offerKind = "ORDINARY_JOB", occupationCode = "4321", title = "Lagermedarbejder", positions = 1, hoursPerWeek = 37, startDate = TestData.Today.AddMonths(2).ToString("yyyy-MM-dd"), requiredSkills = new[] { "Spørg efter " + Cpr.Replace("-", "", StringComparison.Ordinal) } } });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.requiredSkills"], response.Fields);
        Assert.DoesNotContain("010190", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_company_import_cell_holding_a_CPR_number_refuses_its_line_without_repeating_it()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var cvr = TestData.NewCvr();
        var csv = "cvr,name,industryCode,address,postcode,sector,contactName,contactJobTitle,contactEmail\n"
            + $"{cvr},Importeret Vognmand ApS,494100,Havnevej 3,9000,private,Jens Hansen,Chauffør ({Cpr}),jens@vognmand.example\n";

        var report = (await consultant.QueryAsync(
            "mutation($input: ImportCompaniesInput!) { importCompanies(input: $input) { committed rejections { line field reason } } }",
            new { input = new { csv } }))["importCompanies"]!;

        Assert.False(report["committed"]!.GetValue<bool>());
        var rejection = Assert.Single(report["rejections"]!.AsArray())!;
        Assert.Equal("contactJobTitle", rejection["field"]!.GetValue<string>());
        Assert.Contains("CPR", rejection["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("010190", report.ToJsonString(), StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.False(await db.Companies.AnyAsync(c => c.Cvr == cvr));
    }

    [Fact]
    public async Task A_candidate_import_skill_holding_a_CPR_number_refuses_its_line_without_repeating_it()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var reference = TestData.NewCaseReference();
        var csv = "caseReference,targetGroup,soughtOccupations,skills,educationLevel,hasWorkExperience,postcode,availableFrom\n"
            + $"{reference},dagpenge,5120,\"Kold køkken;CPR {Cpr}\",erhvervsfaglig,ja,9000,2026-03-01\n";

        var report = (await consultant.QueryAsync(
            "mutation($input: ImportCandidatesInput!) { importCandidates(input: $input) { committed lines { status errors { field reason } } } }",
            new { input = new { csv } }))["importCandidates"]!;

        var line = Assert.Single(report["lines"]!.AsArray())!;
        Assert.Equal("REJECTED", line["status"]!.GetValue<string>());
        Assert.Contains(line["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == "skills");
        Assert.DoesNotContain("010190", report.ToJsonString(), StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.False(await db.Candidates.AnyAsync(c => c.CaseReference == reference));
    }
}
