using System.Text.Json.Nodes;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.ReferenceData;

public sealed class ReferenceSearchQueryTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string Occupations = "query($search: String, $first: Int, $offset: Int) { occupations(search: $search, first: $first, offset: $offset) { code level title titleDa } }";
    private const string OccupationCodes = "query($search: String) { occupations(search: $search) { code } }";
    private const string Industries = "query($search: String, $codePrefix: String) { industries(search: $search, codePrefix: $codePrefix) { code level parent title titleDa } }";

    private static List<string> Codes(JsonNode data, string field) => data[field]!.AsArray().Select(n => n!["code"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task A_company_user_finds_welders_by_a_Danish_word_prefix_also_with_the_old_arguments_and_gets_both_titles()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyUser = await factory.CreateUserAsync("COMPANY", await consultant.Client.RegisterCompanyAsync("Svejs Søg ApS"));

        var asClientsAskedBefore = await companyUser.Client.QueryAsync(OccupationCodes, new { search = "svejs" });
        Assert.Equal(["7212", "721200", "721"], Codes(asClientsAskedBefore, "occupations"));

        var data = await companyUser.Client.QueryAsync(Occupations, new { search = "svejs" });

        Assert.Equal(["7212", "721200", "721"], Codes(data, "occupations"));
        var welders = data["occupations"]![0]!;
        Assert.Equal(("unit", "Welders and flamecutters", "Svejsearbejde og skærebrænding"), (welders["level"]!.GetValue<string>(), welders["title"]!.GetValue<string>(), welders["titleDa"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Whole_Danish_words_and_their_inflections_find_occupations_and_industries()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var welders = await consultant.Client.QueryAsync(OccupationCodes, new { search = "svejser" });
        var assistants = await consultant.Client.QueryAsync(OccupationCodes, new { search = "SOSU-assistenter" });
        var warehouse = await consultant.Client.QueryAsync(OccupationCodes, new { search = "lagerarbejdere" });
        var restaurants = await consultant.Client.QueryAsync(Industries, new { search = "restauranterne" });

        Assert.Equal(["7212", "721200", "721"], Codes(welders, "occupations").Take(3));
        Assert.Equal(["532120", "532220"], Codes(assistants, "occupations"));
        Assert.Contains("933410", Codes(warehouse, "occupations"));
        Assert.Equal(["56.1", "56.10", "561010"], Codes(restaurants, "industries").Take(3));
    }

    [Fact]
    public async Task The_most_specific_occupations_are_what_pickers_offer_each_occupation_once()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var data = await consultant.Client.QueryAsync(
            "query($search: String) { occupations(search: $search, mostSpecific: true) { code titleDa mostSpecific } all: occupations(search: $search) { code mostSpecific } }",
            new { search = "svejs" });

        Assert.Equal(["721200"], Codes(data, "occupations"));
        Assert.Equal(["7212", "721200", "721"], Codes(data, "all"));
        Assert.Equal([false, true, false], data["all"]!.AsArray().Select(n => n!["mostSpecific"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Sosu_and_lager_find_the_care_assistants_and_warehouse_work_and_pages_follow_on()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var sosu = await consultant.Client.QueryAsync(Occupations, new { search = "sosu assistent" });
        var firstPage = await consultant.Client.QueryAsync(Occupations, new { search = "lager", first = 2 });
        var secondPage = await consultant.Client.QueryAsync(Occupations, new { search = "lager", first = 2, offset = 2 });

        Assert.Equal(["532120", "532220"], Codes(sosu, "occupations"));
        Assert.Equal(["4321", "432100"], Codes(firstPage, "occupations"));
        Assert.Equal(["933410", "933"], Codes(secondPage, "occupations"));
        Assert.Equal("Lager- og pakhusarbejde", secondPage["occupations"]![0]!["titleDa"]!.GetValue<string>());
    }

    [Fact]
    public async Task Industries_have_Danish_titles_at_every_level_down_to_the_six_digit_codes_companies_carry()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var byPrefix = await consultant.Client.QueryAsync(Industries, new { codePrefix = "62.01" });
        var lager = await consultant.Client.QueryAsync(Industries, new { search = "LAGER" });

        Assert.Equal(["62.01", "620100"], Codes(byPrefix, "industries"));
        var subclass = byPrefix["industries"]![1]!;
        Assert.Equal(("subclass", "62.01", "Computerprogrammering"), (subclass["level"]!.GetValue<string>(), subclass["parent"]!.GetValue<string>(), subclass["titleDa"]!.GetValue<string>()));
        Assert.Equal(["52.1", "52.10", "521000"], Codes(lager, "industries").Take(3));
    }

    [Fact]
    public async Task A_search_too_long_or_a_page_too_large_is_refused_with_VALIDATION_on_the_argument()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var tooLong = await consultant.Client.SendAsync(Occupations, new { search = new string('s', 101) });
        var tooMany = await consultant.Client.SendAsync(Occupations, new { search = "s", first = 101 });

        tooLong.ShouldFailWith("VALIDATION");
        Assert.Equal(["search"], tooLong.Fields);
        tooMany.ShouldFailWith("VALIDATION");
        Assert.Equal(["first"], tooMany.Fields);
    }

    [Fact]
    public async Task A_vacancy_for_a_Danish_occupation_code_is_accepted_and_shows_its_Danish_title()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await consultant.Client.RegisterCompanyAsync("Dansk Titel ApS", industryCode: "620100");
        var company = await consultant.Client.QueryAsync("query($id: ID!) { node(id: $id) { ... on Company { industryTitle industryTitleDa } } }", new { id = companyId });
        var workplaceId = (await consultant.Client.QueryAsync(
            "mutation($input: SaveWorkplaceInput!) { saveWorkplace(input: $input) { id } }",
            new { input = new { companyId, pNumber = TestData.NewPNumber(), name = "Børnehuset", address = "Vej 1", postcode = "9000", ordinaryEmployees = 20, employeesReportedFor = "2026-01-01", averageEmployees12Months = 20 } }))["saveWorkplace"]!["id"]!.GetValue<string>();

        // 2343 is DISCO-08's own unit group (Pædagogisk arbejde): ISCO-08 has no such code.
        var vacancy = (await consultant.Client.QueryAsync(
            "mutation($input: PostVacancyInput!) { postVacancy(input: $input) { occupationCode occupationTitle occupationTitleDa } }",
            new { input = new { companyId, workplaceId, offerKind = "ORDINARY_JOB", occupationCode = "234310", title = "Pædagog", description = "", positions = 1, hoursPerWeek = 37, startDate = TestData.Today.AddDays(30), requiredSkills = Array.Empty<string>(), publish = false } }))["postVacancy"]!;

        Assert.Equal("Pædagogisk arbejde med unge og voksne", vacancy["occupationTitleDa"]!.GetValue<string>());
        Assert.Equal("Primary school and early childhood teachers", vacancy["occupationTitle"]!.GetValue<string>());
        Assert.Equal(("Computer programming activities", "Computerprogrammering"), (company["node"]!["industryTitle"]!.GetValue<string>(), company["node"]!["industryTitleDa"]!.GetValue<string>()));
    }
}
