using System.Globalization;
using System.Text.Json.Nodes;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Placements;

public sealed record TestWorkplace(string CompanyId, string WorkplaceId, string Cvr, string PNumber);

public sealed record TestCandidate(Guid Id, string GlobalId, string Alias);

/// <summary>Arranges companies, workplaces and candidates, and drives placements through their life over GraphQL.</summary>
public static class PlacementDriver
{
    public const string Fields =
        "id version status nextStatuses candidateAlias candidateId candidateTargetGroup offerKind purpose plannedStart plannedEnd actualStart actualEnd endReason " +
        "employeeRepStatement { representativeName givenOn isPositive comment } " +
        "wageSubsidyConfirmation { headcountLastMonth averageHeadcount12Months noDismissalWithin3Months } " +
        "exemptions { rule reason }";

    public const string OutcomeFields = "id monthsAfterEnd endResult selfSupporting source";

    public static DateOnly Today => TestData.Today;

    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Guid Key(string globalId)
        => GlobalId.TryDecode(globalId, out _, out var key) ? Guid.Parse(key) : throw new ArgumentException("Not a global ID: " + globalId);

    public static async Task<TestWorkplace> RegisterWorkplaceAsync(this GraphQLClient consultant, int ordinaryEmployees, decimal averageEmployees12Months = 0, string sector = "PRIVATE")
    {
        var cvr = TestData.NewCvr();
        var companyId = await consultant.RegisterCompanyAsync($"Praktik {cvr} ApS", cvr, sector: sector);
        var pNumber = TestData.NewPNumber();
        var workplace = await consultant.QueryAsync(
            "mutation($input: SaveWorkplaceInput!) { saveWorkplace(input: $input) { id } }",
            new { input = new { companyId, pNumber, name = "Hovedkontor", address = "Boulevarden 1", postcode = "9000", ordinaryEmployees, employeesReportedFor = Today.Iso(), averageEmployees12Months } });
        return new TestWorkplace(companyId, workplace.Id("saveWorkplace"), cvr, pNumber);
    }

    /// <summary>Candidates are stored directly: their own mutations belong to another feature.</summary>
    public static async Task<TestCandidate> CreateCandidateAsync(this CrmApiFactory factory, TargetGroup targetGroup = TargetGroup.InsuredUnemployed, bool hasWorkExperience = true, string? lastEmployerCvr = null)
    {
        var candidate = new Candidate
        {
            CaseReference = TestData.NewCaseReference(),
            DisplayAlias = "Kandidat " + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(),
            TargetGroup = targetGroup,
            HasWorkExperience = hasWorkExperience,
            LastEmployerCvr = lastEmployerCvr,
            Postcode = "9000",
            AvailableFrom = Today,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await using (var db = factory.NewDbContext())
        {
            db.Candidates.Add(candidate);
            await db.SaveChangesAsync();
        }

        return new TestCandidate(candidate.Id, GlobalId.Encode("Candidate", candidate.Id), candidate.DisplayAlias);
    }

    /// <summary>Sends <c>mutation { name(input) { fields } }</c>; the input type is the mutation's name in PascalCase + "Input".</summary>
    public static Task<GraphQLResponse> MutateAsync(this GraphQLClient client, string mutation, object input, string fields = Fields)
    {
        var inputType = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        return client.SendAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {fields} }} }}", new { input });
    }

    public static async Task<JsonNode> MutateOkAsync(this GraphQLClient client, string mutation, object input, string fields = Fields)
    {
        var response = await client.MutateAsync(mutation, input, fields);
        Assert.True(response.Errors.Count == 0, $"{mutation} failed: {response.Body}");
        return response.Data![mutation]!;
    }

    public static Task<JsonNode> ProposeInternshipAsync(this GraphQLClient consultant, TestCandidate candidate, TestWorkplace at, DateOnly start, DateOnly end, object[]? exemptions = null)
        => consultant.MutateOkAsync("proposePlacement", new
        {
            candidateId = candidate.GlobalId,
            companyId = at.CompanyId,
            workplaceId = at.WorkplaceId,
            offerKind = "INTERNSHIP",
            purpose = "HIRING",
            plannedStart = start.Iso(),
            plannedEnd = end.Iso(),
            exemptions,
        });

    /// <summary>Proposes a 4-week internship starting on <paramref name="start"/>, records the statement and approves it.</summary>
    public static async Task<JsonNode> ApprovedInternshipAsync(this GraphQLClient consultant, TestCandidate candidate, TestWorkplace at, DateOnly start)
    {
        var proposed = await consultant.ProposeInternshipAsync(candidate, at, start, start.AddDays(27));
        var givenOn = start.AddDays(-3) < Today ? start.AddDays(-3) : Today;
        var stated = await consultant.RecordStatementAsync(proposed, givenOn);
        return await consultant.MutateOkAsync("approvePlacement", new { id = Id(stated), version = Version(stated) });
    }

    public static async Task<JsonNode> RecordStatementAsync(this GraphQLClient consultant, JsonNode placement, DateOnly givenOn, bool isPositive = true)
        => await consultant.MutateOkAsync("recordEmployeeRepStatement", new
        {
            placementId = Id(placement),
            version = Version(placement),
            representativeName = "Hanne Nielsen, tillidsrepræsentant",
            givenOn = givenOn.Iso(),
            isPositive,
            comment = "Ingen fortrængning af ordinært ansatte.",
        });

    /// <summary>A 4-week internship run from proposal to its end on <paramref name="end"/>, status COMPLETED.</summary>
    public static async Task<JsonNode> CompletedInternshipAsync(this GraphQLClient consultant, TestCandidate candidate, TestWorkplace at, DateOnly end)
    {
        var start = end.AddDays(-27);
        var approved = await consultant.ApprovedInternshipAsync(candidate, at, start);
        var active = await consultant.MutateOkAsync("startPlacement", new { id = Id(approved), version = Version(approved), actualStart = start.Iso() });
        return await consultant.MutateOkAsync("endPlacement", new { id = Id(active), version = Version(active), actualEnd = end.Iso() });
    }

    /// <summary>The placement as stored, with its exemptions, read past the API.</summary>
    public static async Task<Placement> StoredPlacementAsync(this CrmApiFactory factory, string placementId)
    {
        await using var db = factory.NewDbContext();
        return await db.Placements.Include(p => p.Exemptions).SingleAsync(p => p.Id == Key(placementId));
    }

    public static string Id(JsonNode placement) => placement["id"]!.GetValue<string>();

    public static int Version(JsonNode placement) => placement["version"]!.GetValue<int>();

    public static string Status(JsonNode placement) => placement["status"]!.GetValue<string>();
}
