using System.Text.Json.Nodes;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Vacancies;

/// <summary>A company with one workplace, registered through the consultant's mutations.</summary>
public sealed record CompanyAtWork(string CompanyId, string WorkplaceId, string Name)
{
    public Guid CompanyGuid => GlobalId.Parse(CompanyId, "Company", "id");
}

/// <summary>Arranges companies and vacancies through GraphQL, as users would.</summary>
public static class VacancyScenario
{
    public const string Fields = "id version status offerKind occupationCode occupationTitle title description positions hoursPerWeek startDate applicationDeadline requiredSkills publishedAt createdAt allowedTransitions company { id name } workplace { id name }";
    public const string Post = "mutation($input: PostVacancyInput!) { postVacancy(input: $input) { " + Fields + " } }";
    public const string Update = "mutation($input: UpdateVacancyInput!) { updateVacancy(input: $input) { " + Fields + " } }";
    public const string ChangeStatus = "mutation($input: ChangeVacancyStatusInput!) { changeVacancyStatus(input: $input) { " + Fields + " } }";

    /// <summary>Today as the Api sees it (the host's local calendar).</summary>
    public static DateOnly Today => TestData.Today;

    public static async Task<CompanyAtWork> RegisterCompanyAtWorkAsync(this GraphQLClient consultant, string membershipStatus = "ACTIVE")
    {
        var name = "Vacancy Test " + TestData.UniqueLetters(13);
        var companyId = await consultant.RegisterCompanyAsync(
            name, industryCode: "301100", address: "Havnegade 1", membershipStatus: membershipStatus, joinedOn: membershipStatus == "PROSPECT" ? null : "2024-01-01");
        var workplace = await consultant.QueryAsync(
            "mutation($input: SaveWorkplaceInput!) { saveWorkplace(input: $input) { id } }",
            new { input = new { companyId, pNumber = TestData.NewPNumber(), name = "Værftet", address = "Havnegade 1", postcode = "9000", ordinaryEmployees = 40, employeesReportedFor = "2026-01-01", averageEmployees12Months = 38.5 } });
        return new CompanyAtWork(companyId, workplace.Id("saveWorkplace"), name);
    }

    /// <summary>A valid postVacancy input; tests change single entries to make it invalid.</summary>
    public static Dictionary<string, object?> NewVacancy(CompanyAtWork company, bool publish = true) => new()
    {
        ["companyId"] = company.CompanyId,
        ["workplaceId"] = company.WorkplaceId,
        ["offerKind"] = "ORDINARY_JOB",
        ["occupationCode"] = "7233",
        ["title"] = "Industrimekaniker",
        ["description"] = "Vedligehold af maskiner på værftet.",
        ["positions"] = 2,
        ["hoursPerWeek"] = 37,
        ["startDate"] = Today.AddDays(60),
        ["applicationDeadline"] = Today.AddDays(30),
        ["requiredSkills"] = new[] { "Svejsning", "Hydraulik" },
        ["publish"] = publish,
    };

    public static async Task<JsonNode> PostVacancyAsync(this GraphQLClient client, Dictionary<string, object?> input)
        => (await client.QueryAsync(Post, new { input }))["postVacancy"]!;

    public static async Task<JsonNode> PostVacancyAsync(this GraphQLClient client, CompanyAtWork company, bool publish = true)
        => await client.PostVacancyAsync(NewVacancy(company, publish));

    /// <summary>An updateVacancy input carrying the vacancy's current values.</summary>
    public static Dictionary<string, object?> UpdateOf(JsonNode vacancy) => new()
    {
        ["id"] = vacancy["id"]!.GetValue<string>(),
        ["version"] = vacancy["version"]!.GetValue<int>(),
        ["workplaceId"] = vacancy["workplace"]!["id"]!.GetValue<string>(),
        ["offerKind"] = vacancy["offerKind"]!.GetValue<string>(),
        ["occupationCode"] = vacancy["occupationCode"]!.GetValue<string>(),
        ["title"] = vacancy["title"]!.GetValue<string>(),
        ["description"] = vacancy["description"]!.GetValue<string>(),
        ["positions"] = vacancy["positions"]!.GetValue<int>(),
        ["hoursPerWeek"] = vacancy["hoursPerWeek"]!.GetValue<decimal>(),
        ["startDate"] = vacancy["startDate"]!.GetValue<string>(),
        ["applicationDeadline"] = vacancy["applicationDeadline"]?.GetValue<string>(),
        ["requiredSkills"] = vacancy["requiredSkills"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray(),
    };

    public static object Transition(JsonNode vacancy, string transition, DateOnly? applicationDeadline = null) => new
    {
        input = new { id = vacancy["id"]!.GetValue<string>(), version = vacancy["version"]!.GetValue<int>(), transition, applicationDeadline },
    };

    public static Guid VacancyGuid(this JsonNode vacancy) => GlobalId.Parse(vacancy["id"]!.GetValue<string>(), "Vacancy", "id");

    /// <summary>The stored row, read past the Api.</summary>
    public static Vacancy Stored(this CrmApiFactory factory, JsonNode vacancy)
    {
        using var db = factory.NewDbContext();
        var id = vacancy.VacancyGuid();
        return db.Vacancies.Single(v => v.Id == id);
    }

    /// <summary>Changes a stored vacancy directly, for states the Api cannot reach today (e.g. a past deadline).</summary>
    public static async Task ArrangeAsync(this CrmApiFactory factory, JsonNode vacancy, Action<Vacancy> change)
    {
        await using var db = factory.NewDbContext();
        var id = vacancy.VacancyGuid();
        var row = db.Vacancies.Single(v => v.Id == id);
        change(row);
        await db.SaveChangesAsync();
    }
}
