using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Vacancies;

public sealed class ChangeVacancyStatusTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task Publishing_a_draft_opens_it_and_records_when()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var draft = await consultant.Client.PostVacancyAsync(company, publish: false);

        var published = (await consultant.Client.QueryAsync(VacancyScenario.ChangeStatus, VacancyScenario.Transition(draft, "PUBLISH")))["changeVacancyStatus"]!;

        Assert.Equal("OPEN", published["status"]!.GetValue<string>());
        Assert.Equal(2, published["version"]!.GetValue<int>());
        var stored = factory.Stored(draft);
        Assert.Equal(VacancyStatus.Open, stored.Status);
        Assert.NotNull(stored.PublishedAt);
    }

    [Fact]
    public async Task An_open_vacancy_is_marked_filled_and_reopened_keeping_its_first_publication_time()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = await consultant.Client.PostVacancyAsync(company);
        var publishedAt = factory.Stored(vacancy).PublishedAt;

        var filled = (await consultant.Client.QueryAsync(VacancyScenario.ChangeStatus, VacancyScenario.Transition(vacancy, "MARK_FILLED")))["changeVacancyStatus"]!;
        Assert.Equal(VacancyStatus.Filled, factory.Stored(vacancy).Status);
        Assert.Equal(["REOPEN"], filled["allowedTransitions"]!.AsArray().Select(t => t!.GetValue<string>()));
        var reopened = (await consultant.Client.QueryAsync(VacancyScenario.ChangeStatus, VacancyScenario.Transition(filled, "REOPEN")))["changeVacancyStatus"]!;

        Assert.Equal("OPEN", reopened["status"]!.GetValue<string>());
        var stored = factory.Stored(vacancy);
        Assert.Equal(VacancyStatus.Open, stored.Status);
        Assert.Equal(publishedAt, stored.PublishedAt);
        Assert.Equal(3, stored.Version);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Drafts_and_open_vacancies_can_be_closed(bool publish)
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = await consultant.Client.PostVacancyAsync(company, publish);

        await consultant.Client.QueryAsync(VacancyScenario.ChangeStatus, VacancyScenario.Transition(vacancy, "CLOSE"));

        Assert.Equal(VacancyStatus.Closed, factory.Stored(vacancy).Status);
    }

    [Fact]
    public async Task An_illegal_transition_is_refused_naming_both_states_and_changes_nothing()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var draft = await consultant.Client.PostVacancyAsync(company, publish: false);

        var response = await consultant.Client.SendAsync(VacancyScenario.ChangeStatus, VacancyScenario.Transition(draft, "MARK_FILLED"));

        response.ShouldFailWith("RULE_VIOLATION");
        Assert.Equal("VacancyStatusTransition", response.Rule);
        Assert.Contains("from draft to filled", response.Message, StringComparison.Ordinal);
        var stored = factory.Stored(draft);
        Assert.Equal(VacancyStatus.Draft, stored.Status);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task A_stale_status_change_is_refused_with_CONFLICT_and_changes_nothing()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = await consultant.Client.PostVacancyAsync(company);
        var update = VacancyScenario.UpdateOf(vacancy);
        update["title"] = "Changed meanwhile";
        await consultant.Client.QueryAsync(VacancyScenario.Update, new { input = update });

        var response = await consultant.Client.SendAsync(VacancyScenario.ChangeStatus, VacancyScenario.Transition(vacancy, "CLOSE"));

        response.ShouldFailWith("CONFLICT");
        Assert.Equal(VacancyStatus.Open, factory.Stored(vacancy).Status);
    }

    [Fact]
    public async Task Reopening_an_expired_vacancy_needs_a_new_deadline_that_has_not_passed()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = await consultant.Client.PostVacancyAsync(company);
        var pastDeadline = VacancyScenario.Today.AddDays(-1);
        await factory.ArrangeAsync(vacancy, v => (v.Status, v.ApplicationDeadline) = (VacancyStatus.Expired, pastDeadline));

        var refused = await consultant.Client.SendAsync(VacancyScenario.ChangeStatus, VacancyScenario.Transition(vacancy, "REOPEN"));
        refused.ShouldFailWith("RULE_VIOLATION");
        Assert.Equal("VacancyOpening", refused.Rule);
        Assert.Equal(VacancyStatus.Expired, factory.Stored(vacancy).Status);

        var reopened = await consultant.Client.QueryAsync(VacancyScenario.ChangeStatus, VacancyScenario.Transition(vacancy, "REOPEN", VacancyScenario.Today.AddDays(10)));

        Assert.Equal("OPEN", reopened["changeVacancyStatus"]!["status"]!.GetValue<string>());
        var stored = factory.Stored(vacancy);
        Assert.Equal(VacancyStatus.Open, stored.Status);
        Assert.Equal(VacancyScenario.Today.AddDays(10), stored.ApplicationDeadline);
    }

    [Fact]
    public async Task A_vacancy_whose_start_date_has_passed_cannot_be_reopened()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = await consultant.Client.PostVacancyAsync(company);
        await factory.ArrangeAsync(vacancy, v => (v.Status, v.StartDate, v.ApplicationDeadline) = (VacancyStatus.Closed, VacancyScenario.Today.AddDays(-1), null));

        var response = await consultant.Client.SendAsync(VacancyScenario.ChangeStatus, VacancyScenario.Transition(vacancy, "REOPEN"));

        response.ShouldFailWith("RULE_VIOLATION");
        Assert.Contains("start date", response.Message, StringComparison.Ordinal);
        Assert.Equal(VacancyStatus.Closed, factory.Stored(vacancy).Status);
    }

    [Fact]
    public async Task A_new_deadline_goes_only_with_REOPEN_and_must_not_be_after_the_start()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = await consultant.Client.PostVacancyAsync(company);

        var response = await consultant.Client.SendAsync(VacancyScenario.ChangeStatus, VacancyScenario.Transition(vacancy, "CLOSE", VacancyScenario.Today.AddDays(90)));

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.applicationDeadline", "input.applicationDeadline"], response.Fields);
        Assert.Equal(VacancyStatus.Open, factory.Stored(vacancy).Status);
    }

    [Fact]
    public async Task A_company_that_has_left_the_alliance_cannot_publish_its_draft()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var draft = await consultant.Client.PostVacancyAsync(company, publish: false);
        await using (var db = factory.NewDbContext())
        {
            db.Companies.Single(c => c.Id == company.CompanyGuid).MembershipStatus = MembershipStatus.Left;
            await db.SaveChangesAsync();
        }

        var response = await consultant.Client.SendAsync(VacancyScenario.ChangeStatus, VacancyScenario.Transition(draft, "PUBLISH"));

        response.ShouldFailWith("RULE_VIOLATION");
        Assert.Equal("AllianceMembership", response.Rule);
        Assert.Equal(VacancyStatus.Draft, factory.Stored(draft).Status);
    }

    [Fact]
    public async Task A_company_user_closes_its_own_companys_vacancy()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var companyUser = await factory.CreateUserAsync("COMPANY", company.CompanyId);
        var vacancy = await companyUser.Client.PostVacancyAsync(company);

        await companyUser.Client.QueryAsync(VacancyScenario.ChangeStatus, VacancyScenario.Transition(vacancy, "CLOSE"));

        Assert.Equal(VacancyStatus.Closed, factory.Stored(vacancy).Status);
    }

    [Theory]
    [InlineData("ADMIN")]
    [InlineData("MANAGER")]
    [InlineData("OTHER_COMPANY")]
    public async Task Admins_managers_and_other_companies_may_not_change_a_vacancys_status(string who)
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = await consultant.Client.PostVacancyAsync(company);
        var user = who == "OTHER_COMPANY"
            ? await factory.CreateUserAsync("COMPANY", (await consultant.Client.RegisterCompanyAtWorkAsync()).CompanyId)
            : await factory.CreateUserAsync(who);

        var response = await user.Client.SendAsync(VacancyScenario.ChangeStatus, VacancyScenario.Transition(vacancy, "CLOSE"));

        response.ShouldFailWith("FORBIDDEN");
        Assert.Equal(VacancyStatus.Open, factory.Stored(vacancy).Status);
    }

    [Fact]
    public async Task Expiry_is_not_among_the_transitions_the_schema_accepts()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = await consultant.Client.PostVacancyAsync(company);

        var response = await consultant.Client.SendAsync(VacancyScenario.ChangeStatus, VacancyScenario.Transition(vacancy, "EXPIRE"));

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(VacancyStatus.Open, factory.Stored(vacancy).Status);
    }

    [Fact]
    public async Task The_core_refuses_expiry_asked_for_by_a_user()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = await consultant.Client.PostVacancyAsync(company);
        await using var db = factory.NewDbContext();
        var handler = new ChangeVacancyStatusHandler(db, new VacancyValidation(db, new ReferenceCatalog()), TimeProvider.System);
        var actor = new Actor("consultant", consultant.Email, Role.Consultant, null);

        var refusal = await Assert.ThrowsAsync<ValidationException>(() => handler.HandleAsync(new ChangeVacancyStatusInput(vacancy.VacancyGuid(), 1, VacancyTransition.Expire), actor, CancellationToken.None));

        Assert.Equal("transition", refusal.Field);
        Assert.Equal(VacancyStatus.Open, factory.Stored(vacancy).Status);
    }

    [Fact]
    public async Task Changing_an_unknown_vacancy_is_NOT_FOUND()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var response = await consultant.Client.SendAsync(
            VacancyScenario.ChangeStatus,
            new { input = new { id = GlobalId.Encode("Vacancy", Guid.NewGuid()), version = 1, transition = "CLOSE" } });

        response.ShouldFailWith("NOT_FOUND");
    }
}
