using CrmAlliance.IntegrationTests.Candidates;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Vacancies;

namespace CrmAlliance.IntegrationTests.Matches;

/// <summary>
/// The embedded default: in-memory bus, matching hosted in the Api, its index loaded from the database
/// snapshot and fed by candidate events. Nothing to install.
/// </summary>
public sealed class InProcessMatchingTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task A_posted_vacancy_gets_ranked_suggestions_with_explanations_a_consultant_can_act_on()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var occupation = "3434";
        var close = await RegisterAsync(consultant, occupation, ["Menuplanlægning", "Hygiejnebevis"], "9000");
        var far = await RegisterAsync(consultant, occupation, ["Menuplanlægning"], "6700");

        var company = await consultant.RegisterCompanyAtWorkAsync();
        var input = VacancyScenario.NewVacancy(company);
        input["occupationCode"] = occupation;
        input["requiredSkills"] = new[] { "Menuplanlægning", "Hygiejnebevis" };
        var vacancy = await consultant.PostVacancyAsync(input);

        System.Text.Json.Nodes.JsonArray matches = [];
        for (var waited = 0; waited < 100 && matches.Count < 2; waited++)
        {
            await Task.Delay(100);
            matches = (await consultant.QueryAsync("query($id: ID!) { vacancy(id: $id) { matches { rank score explanation candidate { id } } } }", new { id = vacancy["id"]!.GetValue<string>() }))["vacancy"]!["matches"]!.AsArray();
        }

        var ours = matches.Where(m => m!["candidate"]!["id"]!.GetValue<string>() is var id && (id == close || id == far)).ToList();
        Assert.Equal([close, far], ours.Select(m => m!["candidate"]!["id"]!.GetValue<string>()));
        Assert.Equal("same occupation group 3434; 2 of 2 skills; same postcode; available", ours[0]!["explanation"]!.GetValue<string>());
        Assert.StartsWith("same occupation group 3434; 1 of 2 skills; ", ours[1]!["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(ours[0]!["score"]!.GetValue<double>() > ours[1]!["score"]!.GetValue<double>());
    }

    private static async Task<string> RegisterAsync(GraphQLClient consultant, string occupation, string[] skills, string postcode)
    {
        var input = CandidateScenario.NewCandidate();
        input["soughtOccupations"] = new[] { occupation };
        input["skills"] = skills;
        input["postcode"] = postcode;
        input["availableFrom"] = TestData.Today.ToString("yyyy-MM-dd");
        return (await consultant.RegisterCandidateAsync(input))["id"]!.GetValue<string>();
    }
}
