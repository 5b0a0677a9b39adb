using System.Text.Json.Nodes;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Vacancies;

public sealed class VacancyQueryTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string Search = """
        query($filter: VacancyFilter, $sort: VacancySort, $descending: Boolean, $first: Int, $after: String) {
          vacancies(filter: $filter, sort: $sort, descending: $descending, first: $first, after: $after) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { node { id title } }
          }
        }
        """;

    private static List<string> Titles(JsonNode data)
        => data["vacancies"]!["edges"]!.AsArray().Select(e => e!["node"]!["title"]!.GetValue<string>()).ToList();

    private static async Task<List<string>> TitlesAsync(GraphQLClient client, object filter, string sort = "TITLE", bool descending = false)
        => Titles(await client.QueryAsync(Search, new { filter, sort, descending }));

    [Fact]
    public async Task Vacancies_are_found_by_kind_status_occupation_dates_and_title()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var today = VacancyScenario.Today;
        async Task PostAsync(string title, string kind, string occupation, int startIn, int? deadlineIn, bool publish)
        {
            var input = VacancyScenario.NewVacancy(company, publish);
            (input["title"], input["offerKind"], input["occupationCode"]) = (title, kind, occupation);
            (input["startDate"], input["applicationDeadline"]) = (today.AddDays(startIn), deadlineIn is { } d ? today.AddDays(d) : null);
            await consultant.Client.PostVacancyAsync(input);
        }

        await PostAsync("Alpha kok", "ORDINARY_JOB", "5120", 20, 10, publish: true);
        await PostAsync("Beta mekaniker", "INTERNSHIP", "7233", 40, 30, publish: true);
        await PostAsync("Gamma udvikler", "WAGE_SUBSIDY", "251201", 60, null, publish: false);
        var mine = new { companyId = company.CompanyId };

        Assert.Equal(["Alpha kok", "Beta mekaniker", "Gamma udvikler"], await TitlesAsync(consultant.Client, mine));
        Assert.Equal(["Gamma udvikler", "Beta mekaniker", "Alpha kok"], await TitlesAsync(consultant.Client, mine, "START_DATE", descending: true));
        Assert.Equal(["Beta mekaniker", "Gamma udvikler"], await TitlesAsync(consultant.Client, new { companyId = company.CompanyId, offerKinds = new[] { "INTERNSHIP", "WAGE_SUBSIDY" } }));
        Assert.Equal(["Gamma udvikler"], await TitlesAsync(consultant.Client, new { companyId = company.CompanyId, statuses = new[] { "DRAFT" } }));
        Assert.Equal(["Gamma udvikler"], await TitlesAsync(consultant.Client, new { companyId = company.CompanyId, occupationCodePrefix = "25" }));
        Assert.Equal(["Beta mekaniker", "Gamma udvikler"], await TitlesAsync(consultant.Client, new { companyId = company.CompanyId, startFrom = today.AddDays(40), startTo = today.AddDays(60) }));
        Assert.Equal(["Alpha kok"], await TitlesAsync(consultant.Client, new { companyId = company.CompanyId, deadlineFrom = today.AddDays(5), deadlineTo = today.AddDays(15) }));
        Assert.Equal(["Beta mekaniker"], await TitlesAsync(consultant.Client, new { companyId = company.CompanyId, titleContains = "MEKANIK" }));
        Assert.Equal(["Beta mekaniker", "Alpha kok"], await TitlesAsync(consultant.Client, new { companyId = company.CompanyId, statuses = new[] { "OPEN" } }, "DEADLINE", descending: true));
        Assert.Equal(["Alpha kok", "Beta mekaniker", "Gamma udvikler"], await TitlesAsync(consultant.Client, mine, "CREATED_AT"));
    }

    [Fact]
    public async Task Vacancies_are_paged_with_cursors()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        foreach (var title in new[] { "P1", "P2", "P3" })
        {
            var input = VacancyScenario.NewVacancy(company);
            input["title"] = title;
            await consultant.Client.PostVacancyAsync(input);
        }

        var first = await consultant.Client.QueryAsync(Search, new { filter = new { companyId = company.CompanyId }, sort = "TITLE", first = 2 });
        var after = first["vacancies"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var second = await consultant.Client.QueryAsync(Search, new { filter = new { companyId = company.CompanyId }, sort = "TITLE", first = 2, after });

        Assert.Equal(["P1", "P2"], Titles(first));
        Assert.True(first["vacancies"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(["P3"], Titles(second));
        Assert.Equal(3, second["vacancies"]!["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("CONSULTANT")]
    [InlineData("MANAGER")]
    [InlineData("ADMIN")]
    [InlineData("SAME_COMPANY")]
    public async Task Staff_and_the_companys_own_users_see_its_vacancies(string who)
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = await consultant.Client.PostVacancyAsync(company);
        var id = vacancy["id"]!.GetValue<string>();
        var reader = who == "SAME_COMPANY" ? await factory.CreateUserAsync("COMPANY", company.CompanyId) : await factory.CreateUserAsync(who);

        var list = await reader.Client.QueryAsync(Search, new { filter = new { companyId = company.CompanyId } });
        var one = await reader.Client.QueryAsync("query($id: ID!) { vacancy(id: $id) { id company { id } workplace { id } } node(id: $id) { ... on Vacancy { title } } }", new { id });
        var ofCompany = await reader.Client.QueryAsync("query($id: ID!) { company(id: $id) { vacancies { id } } }", new { id = company.CompanyId });

        Assert.Equal(1, list["vacancies"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(company.CompanyId, one["vacancy"]!["company"]!["id"]!.GetValue<string>());
        Assert.Equal(company.WorkplaceId, one["vacancy"]!["workplace"]!["id"]!.GetValue<string>());
        Assert.Equal("Industrimekaniker", one["node"]!["title"]!.GetValue<string>());
        Assert.Equal(id, ofCompany["company"]!["vacancies"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_company_user_sees_only_its_own_companys_vacancies()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var otherCompany = await consultant.Client.RegisterCompanyAtWorkAsync();
        var vacancy = await consultant.Client.PostVacancyAsync(company);
        await consultant.Client.PostVacancyAsync(otherCompany);
        var outsider = await factory.CreateUserAsync("COMPANY", otherCompany.CompanyId);
        var id = vacancy["id"]!.GetValue<string>();

        var filtered = await outsider.Client.QueryAsync(Search, new { filter = new { companyId = company.CompanyId } });
        var everything = await outsider.Client.QueryAsync("{ vacancies(first: 100) { totalCount edges { node { company { id } } } } }");
        var one = await outsider.Client.QueryAsync("query($id: ID!) { vacancy(id: $id) { id } node(id: $id) { id } }", new { id });
        var ofCompany = await outsider.Client.QueryAsync("query($id: ID!) { company(id: $id) { vacancies { id } } }", new { id = company.CompanyId });

        Assert.Equal(0, filtered["vacancies"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(1, everything["vacancies"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(otherCompany.CompanyId, everything["vacancies"]!["edges"]![0]!["node"]!["company"]!["id"]!.GetValue<string>());
        Assert.Null(one["vacancy"]);
        Assert.Null(one["node"]);
        Assert.Null(ofCompany["company"]);
    }

    [Fact]
    public async Task A_company_lists_its_vacancies_by_status()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        await consultant.Client.PostVacancyAsync(company, publish: true);
        await consultant.Client.PostVacancyAsync(company, publish: false);

        var data = await consultant.Client.QueryAsync(
            "query($id: ID!) { company(id: $id) { all: vacancies { status } drafts: vacancies(statuses: [DRAFT]) { status } } }",
            new { id = company.CompanyId });

        Assert.Equal(2, data["company"]!["all"]!.AsArray().Count);
        Assert.Equal(["DRAFT"], data["company"]!["drafts"]!.AsArray().Select(v => v!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Companies_with_their_vacancies_cost_the_same_round_trips_for_two_or_five_companies()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var token = Guid.NewGuid().ToString("N")[..8];
        async Task<int> RoundTripsForAsync(int companies)
        {
            var prefix = $"{token}-{companies}";
            for (var i = 0; i < companies; i++)
            {
                var company = await consultant.Client.RegisterCompanyAtWorkAsync();
                await using (var db = factory.NewDbContext())
                {
                    db.Companies.Single(c => c.Id == company.CompanyGuid).Name = $"{prefix} {i}";
                    await db.SaveChangesAsync();
                }

                await consultant.Client.PostVacancyAsync(company);
                await consultant.Client.PostVacancyAsync(company, publish: false);
            }

            factory.Commands.Reset();
            var data = await consultant.Client.QueryAsync(
                """
                query($name: String) {
                  companies(filter: { nameContains: $name }, first: 50) {
                    edges { node { name vacancies(statuses: [OPEN, DRAFT]) { title occupationTitle company { name } workplace { pNumber } } } }
                  }
                }
                """,
                new { name = prefix });
            var count = factory.Commands.Count;
            Assert.Equal(companies, data["companies"]!["edges"]!.AsArray().Count);
            Assert.All(data["companies"]!["edges"]!.AsArray(), e => Assert.Equal(2, e!["node"]!["vacancies"]!.AsArray().Count));
            return count;
        }

        var forTwo = await RoundTripsForAsync(2);
        var forFive = await RoundTripsForAsync(5);

        Assert.Equal(forTwo, forFive);
    }
}
