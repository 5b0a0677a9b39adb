using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Vacancies;

public sealed class PostVacancyTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task A_consultant_posts_a_published_vacancy_that_is_open_with_its_company_workplace_and_occupation()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();

        var vacancy = await consultant.Client.PostVacancyAsync(company);

        Assert.Equal("OPEN", vacancy["status"]!.GetValue<string>());
        Assert.NotNull(vacancy["publishedAt"]);
        Assert.Equal(1, vacancy["version"]!.GetValue<int>());
        Assert.Equal(company.CompanyId, vacancy["company"]!["id"]!.GetValue<string>());
        Assert.Equal(company.WorkplaceId, vacancy["workplace"]!["id"]!.GetValue<string>());
        Assert.Equal("Agricultural and industrial machinery mechanics and repairers", vacancy["occupationTitle"]!.GetValue<string>());
        Assert.Equal(["MARK_FILLED", "CLOSE"], vacancy["allowedTransitions"]!.AsArray().Select(t => t!.GetValue<string>()));
        var stored = factory.Stored(vacancy);
        Assert.Equal(VacancyStatus.Open, stored.Status);
        Assert.Equal(company.CompanyGuid, stored.CompanyId);
        Assert.Equal(VacancyScenario.Today.AddDays(30), stored.ApplicationDeadline);
    }

    [Fact]
    public async Task A_vacancy_posted_without_publishing_is_a_draft_never_published()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();

        var vacancy = await consultant.Client.PostVacancyAsync(company, publish: false);

        Assert.Equal("DRAFT", vacancy["status"]!.GetValue<string>());
        Assert.Null(vacancy["publishedAt"]);
        Assert.Null(factory.Stored(vacancy).PublishedAt);
    }

    [Fact]
    public async Task A_company_user_posts_a_vacancy_for_its_own_company()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var companyUser = await factory.CreateUserAsync("COMPANY", company.CompanyId);

        var vacancy = await companyUser.Client.PostVacancyAsync(company);

        Assert.Equal(company.CompanyGuid, factory.Stored(vacancy).CompanyId);
    }

    [Fact]
    public async Task Required_skills_are_trimmed_and_each_kept_once()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var input = VacancyScenario.NewVacancy(company);
        input["requiredSkills"] = new[] { "  Svejsning ", "svejsning", "Truckcertifikat", "Svejsning" };

        var vacancy = await consultant.Client.PostVacancyAsync(input);

        Assert.Equal(["Svejsning", "Truckcertifikat"], factory.Stored(vacancy).RequiredSkills);
    }

    [Fact]
    public async Task A_flex_job_of_few_hours_is_accepted()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var input = VacancyScenario.NewVacancy(company);
        input["offerKind"] = "FLEX_JOB";
        input["hoursPerWeek"] = 6.5m;

        var vacancy = await consultant.Client.PostVacancyAsync(input);

        Assert.Equal(6.5m, factory.Stored(vacancy).HoursPerWeek);
    }

    [Fact]
    public async Task Invalid_fields_are_refused_field_by_field_and_nothing_is_stored()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var otherCompany = await consultant.Client.RegisterCompanyAtWorkAsync();
        var input = VacancyScenario.NewVacancy(company);
        input["occupationCode"] = "9999";
        input["title"] = " ";
        input["positions"] = 0;
        input["hoursPerWeek"] = 49;
        input["applicationDeadline"] = VacancyScenario.Today.AddDays(61);
        input["requiredSkills"] = Enumerable.Range(1, 31).Select(i => $"Skill {i}").ToArray();
        input["workplaceId"] = otherCompany.WorkplaceId;

        var response = await consultant.Client.SendAsync(VacancyScenario.Post, new { input });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(
            ["input.occupationCode", "input.title", "input.positions", "input.hoursPerWeek", "input.applicationDeadline", "input.requiredSkills", "input.workplaceId"],
            response.Fields);
        await using var db = factory.NewDbContext();
        Assert.DoesNotContain(db.Vacancies, v => v.CompanyId == company.CompanyGuid);
    }

    [Fact]
    public async Task Dates_in_the_past_and_overlong_skills_are_refused()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var input = VacancyScenario.NewVacancy(company);
        input["startDate"] = VacancyScenario.Today.AddDays(-1);
        input["applicationDeadline"] = VacancyScenario.Today.AddDays(-2);
        input["requiredSkills"] = new[] { new string('x', 101), "" };

        var response = await consultant.Client.SendAsync(VacancyScenario.Post, new { input });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.startDate", "input.applicationDeadline", "input.requiredSkills", "input.requiredSkills"], response.Fields);
        await using var db = factory.NewDbContext();
        Assert.DoesNotContain(db.Vacancies, v => v.CompanyId == company.CompanyGuid);
    }

    [Fact]
    public async Task A_company_that_has_left_the_alliance_cannot_post_and_nothing_is_stored()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync(membershipStatus: "LEFT");

        var response = await consultant.Client.SendAsync(VacancyScenario.Post, new { input = VacancyScenario.NewVacancy(company) });

        response.ShouldFailWith("RULE_VIOLATION");
        Assert.Equal("AllianceMembership", response.Rule);
        Assert.Contains("has left Aalborg Alliancen", response.Message, StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.DoesNotContain(db.Vacancies, v => v.CompanyId == company.CompanyGuid);
    }

    [Theory]
    [InlineData("ADMIN")]
    [InlineData("MANAGER")]
    public async Task Admins_and_managers_may_not_post_vacancies(string role)
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var user = await factory.CreateUserAsync(role);

        var response = await user.Client.SendAsync(VacancyScenario.Post, new { input = VacancyScenario.NewVacancy(company) });

        response.ShouldFailWith("FORBIDDEN");
        await using var db = factory.NewDbContext();
        Assert.DoesNotContain(db.Vacancies, v => v.CompanyId == company.CompanyGuid);
    }

    [Fact]
    public async Task A_company_user_may_not_post_for_another_company()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var otherCompany = await consultant.Client.RegisterCompanyAtWorkAsync();
        var outsider = await factory.CreateUserAsync("COMPANY", otherCompany.CompanyId);

        var response = await outsider.Client.SendAsync(VacancyScenario.Post, new { input = VacancyScenario.NewVacancy(company) });

        response.ShouldFailWith("FORBIDDEN");
        await using var db = factory.NewDbContext();
        Assert.DoesNotContain(db.Vacancies, v => v.CompanyId == company.CompanyGuid);
    }

    [Fact]
    public async Task Posting_for_an_unknown_company_is_NOT_FOUND()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var input = VacancyScenario.NewVacancy(company);
        input["companyId"] = Api.Infrastructure.GraphQL.GlobalId.Encode("Company", Guid.NewGuid());

        var response = await consultant.Client.SendAsync(VacancyScenario.Post, new { input });

        response.ShouldFailWith("NOT_FOUND");
        Assert.Equal(["input.companyId"], response.Fields);
    }

    [Fact]
    public async Task Anonymous_callers_are_UNAUTHENTICATED()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();

        var response = await factory.Anonymous().SendAsync(VacancyScenario.Post, new { input = VacancyScenario.NewVacancy(company) });

        response.ShouldFailWith("UNAUTHENTICATED");
    }
}
