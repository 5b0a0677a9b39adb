using System.Text.Json.Nodes;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Candidates;

public static class CandidateScenario
{
    public const string Fields = "id version caseReference displayAlias targetGroup soughtOccupations skills educationLevel hasWorkExperience postcode availableFrom lastEmployerCvr createdAt withdrawnAt withdrawalReason";
    public const string Register = "mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { " + Fields + " } }";
    public const string Update = "mutation($input: UpdateCandidateInput!) { updateCandidate(input: $input) { " + Fields + " } }";
    public const string Withdraw = "mutation($input: WithdrawCandidateInput!) { withdrawCandidate(input: $input) { " + Fields + " } }";

    /// <summary>A valid registerCandidate input; tests change single entries to make it invalid.</summary>
    public static Dictionary<string, object?> NewCandidate(string? caseReference = null) => new()
    {
        ["caseReference"] = caseReference ?? TestData.NewCaseReference(),
        ["targetGroup"] = "INSURED_UNEMPLOYED",
        ["soughtOccupations"] = new[] { "5120", "7233" },
        ["skills"] = new[] { "Kold køkken", "Hygiejnebevis" },
        ["educationLevel"] = "VOCATIONAL",
        ["hasWorkExperience"] = true,
        ["postcode"] = "9000",
        ["availableFrom"] = "2026-03-01",
        ["lastEmployerCvr"] = null,
    };

    public static async Task<JsonNode> RegisterCandidateAsync(this GraphQLClient consultant, Dictionary<string, object?>? input = null)
        => (await consultant.QueryAsync(Register, new { input = input ?? NewCandidate() }))["registerCandidate"]!;

    /// <summary>An updateCandidate input carrying the candidate's current values.</summary>
    public static Dictionary<string, object?> UpdateOf(JsonNode candidate) => new()
    {
        ["id"] = candidate["id"]!.GetValue<string>(),
        ["version"] = candidate["version"]!.GetValue<int>(),
        ["caseReference"] = candidate["caseReference"]!.GetValue<string>(),
        ["targetGroup"] = candidate["targetGroup"]!.GetValue<string>(),
        ["soughtOccupations"] = candidate["soughtOccupations"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray(),
        ["skills"] = candidate["skills"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray(),
        ["educationLevel"] = candidate["educationLevel"]!.GetValue<string>(),
        ["hasWorkExperience"] = candidate["hasWorkExperience"]!.GetValue<bool>(),
        ["postcode"] = candidate["postcode"]!.GetValue<string>(),
        ["availableFrom"] = candidate["availableFrom"]!.GetValue<string>(),
        ["lastEmployerCvr"] = candidate["lastEmployerCvr"]?.GetValue<string>(),
    };

    public static Guid CandidateGuid(this JsonNode candidate) => GlobalId.Parse(candidate["id"]!.GetValue<string>(), "Candidate", "id");

    public static Candidate Stored(this CrmApiFactory factory, JsonNode candidate)
    {
        using var db = factory.NewDbContext();
        var id = candidate.CandidateGuid();
        return db.Candidates.Single(c => c.Id == id);
    }

    public static async Task<JsonNode> WithdrawAsync(this GraphQLClient consultant, JsonNode candidate, string reason = "Fundet arbejde selv")
        => (await consultant.QueryAsync(Withdraw, new { input = WithdrawalOf(candidate, reason) }))["withdrawCandidate"]!;

    public static object WithdrawalOf(JsonNode candidate, string reason = "Fundet arbejde selv")
        => new { id = candidate["id"]!.GetValue<string>(), version = candidate["version"]!.GetValue<int>(), reason };

    /// <summary>The outbox rows queued for one candidate, oldest first.</summary>
    public static List<OutboxMessage> Outbox(this CrmApiFactory factory, Guid candidateId)
    {
        using var db = factory.NewDbContext();
        return db.OutboxMessages.Where(m => m.AggregateId == candidateId).OrderBy(m => m.Sequence).ToList();
    }

    public static int OutboxCount(this CrmApiFactory factory)
    {
        using var db = factory.NewDbContext();
        return db.OutboxMessages.Count();
    }

    public static JsonNode BodyOf(OutboxMessage message) => JsonNode.Parse(message.Body)!;
}
