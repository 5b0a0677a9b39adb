using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Vacancies;

public sealed class UpdateVacancyTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task A_consultant_updates_an_open_vacancy_and_its_version_goes_up()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = await consultant.Client.PostVacancyAsync(company);
        var input = VacancyScenario.UpdateOf(vacancy);
        input["title"] = "Industrimekaniker, nattehold";
        input["positions"] = 4;
        input["requiredSkills"] = new[] { "Hydraulik", " PLC " };

        var updated = (await consultant.Client.QueryAsync(VacancyScenario.Update, new { input }))["updateVacancy"]!;

        Assert.Equal(2, updated["version"]!.GetValue<int>());
        var stored = factory.Stored(vacancy);
        Assert.Equal("Industrimekaniker, nattehold", stored.Title);
        Assert.Equal(4, stored.Positions);
        Assert.Equal(["Hydraulik", "PLC"], stored.RequiredSkills);
        Assert.Equal(VacancyStatus.Open, stored.Status);
    }

    [Fact]
    public async Task A_company_user_updates_its_own_companys_draft()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var companyUser = await factory.CreateUserAsync("COMPANY", company.CompanyId);
        var vacancy = await consultant.Client.PostVacancyAsync(company, publish: false);
        var input = VacancyScenario.UpdateOf(vacancy);
        input["offerKind"] = "INTERNSHIP";

        await companyUser.Client.QueryAsync(VacancyScenario.Update, new { input });

        Assert.Equal(Api.Features.OfferKind.Internship, factory.Stored(vacancy).OfferKind);
    }

    [Fact]
    public async Task A_stale_update_is_refused_with_CONFLICT_and_changes_nothing()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = await consultant.Client.PostVacancyAsync(company);
        var first = VacancyScenario.UpdateOf(vacancy);
        first["title"] = "First title";
        var second = VacancyScenario.UpdateOf(vacancy);
        second["title"] = "Second title";

        await consultant.Client.QueryAsync(VacancyScenario.Update, new { input = first });
        var stale = await consultant.Client.SendAsync(VacancyScenario.Update, new { input = second });

        stale.ShouldFailWith("CONFLICT");
        Assert.Equal(["input.version"], stale.Fields);
        var stored = factory.Stored(vacancy);
        Assert.Equal("First title", stored.Title);
        Assert.Equal(2, stored.Version);
    }

    [Theory]
    [InlineData(VacancyStatus.Closed)]
    [InlineData(VacancyStatus.Filled)]
    [InlineData(VacancyStatus.Expired)]
    public async Task Only_draft_and_open_vacancies_can_be_edited(VacancyStatus status)
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = await consultant.Client.PostVacancyAsync(company);
        await factory.ArrangeAsync(vacancy, v => v.Status = status);
        var input = VacancyScenario.UpdateOf(vacancy);
        input["title"] = "Too late";

        var response = await consultant.Client.SendAsync(VacancyScenario.Update, new { input });

        response.ShouldFailWith("RULE_VIOLATION");
        Assert.Equal("VacancyEditable", response.Rule);
        Assert.Contains($"this one is {status.ToString().ToLowerInvariant()}", response.Message, StringComparison.Ordinal);

        var stored = factory.Stored(vacancy);
        Assert.Equal("Industrimekaniker", stored.Title);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task An_invalid_update_is_refused_and_changes_nothing()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = await consultant.Client.PostVacancyAsync(company);
        var input = VacancyScenario.UpdateOf(vacancy);
        input["title"] = "Changed";
        input["occupationCode"] = "723";
        input["positions"] = 501;
        input["hoursPerWeek"] = 0.5m;

        var response = await consultant.Client.SendAsync(VacancyScenario.Update, new { input });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.occupationCode", "input.positions", "input.hoursPerWeek"], response.Fields);
        var stored = factory.Stored(vacancy);
        Assert.Equal("Industrimekaniker", stored.Title);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task An_open_vacancy_whose_dates_have_passed_can_still_be_corrected_without_moving_them()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = await consultant.Client.PostVacancyAsync(company);
        await factory.ArrangeAsync(vacancy, v => (v.StartDate, v.ApplicationDeadline) = (VacancyScenario.Today.AddDays(-1), VacancyScenario.Today.AddDays(-3)));
        var input = VacancyScenario.UpdateOf(vacancy);
        input["startDate"] = VacancyScenario.Today.AddDays(-1);
        input["applicationDeadline"] = VacancyScenario.Today.AddDays(-3);
        input["description"] = "Rettet beskrivelse.";

        await consultant.Client.QueryAsync(VacancyScenario.Update, new { input });

        Assert.Equal("Rettet beskrivelse.", factory.Stored(vacancy).Description);
    }

    [Theory]
    [InlineData("ADMIN")]
    [InlineData("MANAGER")]
    public async Task Admins_and_managers_may_not_update_vacancies(string role)
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = await consultant.Client.PostVacancyAsync(company);
        var user = await factory.CreateUserAsync(role);
        var input = VacancyScenario.UpdateOf(vacancy);
        input["title"] = "Not allowed";

        var response = await user.Client.SendAsync(VacancyScenario.Update, new { input });

        response.ShouldFailWith("FORBIDDEN");
        Assert.Equal("Industrimekaniker", factory.Stored(vacancy).Title);
    }

    [Fact]
    public async Task A_company_user_may_not_update_another_companys_vacancy()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var otherCompany = await consultant.Client.RegisterCompanyAtWorkAsync();
        var outsider = await factory.CreateUserAsync("COMPANY", otherCompany.CompanyId);
        var vacancy = await consultant.Client.PostVacancyAsync(company);
        var input = VacancyScenario.UpdateOf(vacancy);
        input["title"] = "Not allowed";

        var response = await outsider.Client.SendAsync(VacancyScenario.Update, new { input });

        response.ShouldFailWith("FORBIDDEN");
        Assert.Equal("Industrimekaniker", factory.Stored(vacancy).Title);
    }

    [Fact]
    public async Task Updating_an_unknown_vacancy_is_NOT_FOUND()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = await consultant.Client.PostVacancyAsync(company);
        var input = VacancyScenario.UpdateOf(vacancy);
        input["id"] = GlobalId.Encode("Vacancy", Guid.NewGuid());

        var response = await consultant.Client.SendAsync(VacancyScenario.Update, new { input });

        response.ShouldFailWith("NOT_FOUND");
        Assert.Equal(["input.id"], response.Fields);
    }
}
