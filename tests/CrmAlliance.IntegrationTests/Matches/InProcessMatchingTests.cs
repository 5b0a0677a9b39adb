using System.Text.Json.Nodes;
using CrmAlliance.IntegrationTests.Candidates;
using CrmAlliance.IntegrationTests.Placements;
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

    [Fact]
    public async Task A_candidate_whose_approved_placement_overlaps_the_vacancy_is_not_suggested_until_that_placement_is_cancelled()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var occupation = "3434";
        string[] skills = ["Busy " + Guid.NewGuid().ToString("N")[..8], "Hygiejnebevis"];
        var busy = await RegisterAsync(consultant, occupation, skills, "9000");
        var free = await RegisterAsync(consultant, occupation, skills, "6700");
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20);
        var approved = await consultant.ApprovedInternshipAsync(new TestCandidate(PlacementDriver.Key(busy), busy, "busy"), workplace, TestData.Today.AddDays(50));
        Assert.Equal("APPROVED", PlacementDriver.Status(approved));

        var company = await consultant.RegisterCompanyAtWorkAsync();
        var input = VacancyScenario.NewVacancy(company); // starts on day 60, inside the internship's days 50 to 77
        input["occupationCode"] = occupation;
        input["requiredSkills"] = skills;
        var whileBusy = await SuggestedAsync(consultant, await consultant.PostVacancyAsync(input), free);
        Assert.Contains(free, whileBusy);
        Assert.DoesNotContain(busy, whileBusy);

        await consultant.MutateOkAsync("cancelPlacement", new { id = PlacementDriver.Id(approved), version = PlacementDriver.Version(approved), reason = "Kandidaten takkede nej." });
        var afterCancel = await SuggestedAsync(consultant, await consultant.PostVacancyAsync(input), busy);
        Assert.Equal([busy, free], afterCancel.Where(id => id == busy || id == free));
    }

    /// <summary>The candidates suggested for the vacancy once <paramref name="expected"/> is among them (or after 10 s).</summary>
    private static async Task<List<string>> SuggestedAsync(GraphQLClient consultant, JsonNode vacancy, string expected)
    {
        List<string> suggested = [];
        for (var waited = 0; waited < 100 && !suggested.Contains(expected); waited++)
        {
            await Task.Delay(100);
            var matches = (await consultant.QueryAsync("query($id: ID!) { vacancy(id: $id) { matches { candidate { id } } } }", new { id = vacancy["id"]!.GetValue<string>() }))["vacancy"]!["matches"]!.AsArray();
            suggested = [.. matches.Select(m => m!["candidate"]!["id"]!.GetValue<string>())];
        }

        return suggested;
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
