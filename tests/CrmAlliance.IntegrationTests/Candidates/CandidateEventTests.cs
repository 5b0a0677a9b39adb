using System.Text.Json.Nodes;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Candidates;

/// <summary>Registering and updating a candidate queue its event in the outbox, with the change and only with it.</summary>
public sealed class CandidateEventTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private static string[] Strings(JsonNode? array) => array!.AsArray().Select(s => s!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Registering_a_candidate_queues_one_CandidateRegistered_with_what_matching_scores_on_and_no_case_reference()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var input = CandidateScenario.NewCandidate();

        var candidate = await consultant.Client.RegisterCandidateAsync(input);

        var stored = factory.Stored(candidate);
        var message = Assert.Single(factory.Outbox(stored.Id));
        Assert.Equal("CandidateRegistered", message.MessageType);
        Assert.Equal(stored.UpdatedAt, message.CreatedAt);
        var body = CandidateScenario.BodyOf(message);
        Assert.Equal(stored.Id, body["candidateId"]!.GetValue<Guid>());
        Assert.Equal("InsuredUnemployed", body["targetGroup"]!.GetValue<string>());
        Assert.Equal(["5120", "7233"], Strings(body["soughtOccupations"]));
        Assert.Equal(["Kold køkken", "Hygiejnebevis"], Strings(body["skills"]));
        Assert.Equal("Vocational", body["educationLevel"]!.GetValue<string>());
        Assert.Equal("9000", body["postcode"]!.GetValue<string>());
        Assert.Equal("2026-03-01", body["availableFrom"]!.GetValue<string>());
        Assert.Equal(stored.UpdatedAt, body["registeredAt"]!.GetValue<DateTimeOffset>());
        Assert.DoesNotContain((string)input["caseReference"]!, message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updating_a_candidate_queues_one_CandidateChanged_stamped_with_the_new_UpdatedAt()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var candidate = await consultant.Client.RegisterCandidateAsync();
        var input = CandidateScenario.UpdateOf(candidate);
        input["targetGroup"] = "FLEX_JOB_SEEKER";
        input["soughtOccupations"] = new[] { "962901" };
        input["skills"] = Array.Empty<string>();
        input["educationLevel"] = "MASTER_OR_HIGHER";
        input["postcode"] = "9200";
        input["availableFrom"] = "2026-05-01";

        await consultant.Client.QueryAsync(CandidateScenario.Update, new { input });

        var stored = factory.Stored(candidate);
        var messages = factory.Outbox(stored.Id);
        Assert.Equal(["CandidateRegistered", "CandidateChanged"], messages.Select(m => m.MessageType));
        Assert.True(stored.UpdatedAt > stored.CreatedAt);
        var body = CandidateScenario.BodyOf(messages[1]);
        Assert.Equal(stored.Id, body["candidateId"]!.GetValue<Guid>());
        Assert.Equal("FlexJobSeeker", body["targetGroup"]!.GetValue<string>());
        Assert.Equal(["962901"], Strings(body["soughtOccupations"]));
        Assert.Empty(Strings(body["skills"]));
        Assert.Equal("MasterOrHigher", body["educationLevel"]!.GetValue<string>());
        Assert.Equal("9200", body["postcode"]!.GetValue<string>());
        Assert.Equal("2026-05-01", body["availableFrom"]!.GetValue<string>());
        Assert.Equal(stored.UpdatedAt, body["changedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(stored.UpdatedAt, messages[1].CreatedAt);
    }

    [Fact]
    public async Task A_refused_registration_queues_no_event()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var manager = await factory.CreateUserAsync("MANAGER");
        var before = factory.OutboxCount();

        var cpr = await consultant.Client.SendAsync(CandidateScenario.Register, new { input = CandidateScenario.NewCandidate("0101901234") });
        var forbidden = await manager.Client.SendAsync(CandidateScenario.Register, new { input = CandidateScenario.NewCandidate() });

        cpr.ShouldFailWith("VALIDATION");
        forbidden.ShouldFailWith("FORBIDDEN");
        Assert.Equal(before, factory.OutboxCount());
    }

    [Fact]
    public async Task A_refused_update_queues_no_event()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var admin = await factory.CreateUserAsync("ADMIN");
        var candidate = await consultant.Client.RegisterCandidateAsync();
        var stale = CandidateScenario.UpdateOf(candidate);
        stale["version"] = 7;
        var invalid = CandidateScenario.UpdateOf(candidate);
        invalid["postcode"] = "0001";

        (await consultant.Client.SendAsync(CandidateScenario.Update, new { input = stale })).ShouldFailWith("CONFLICT");
        (await consultant.Client.SendAsync(CandidateScenario.Update, new { input = invalid })).ShouldFailWith("VALIDATION");
        (await admin.Client.SendAsync(CandidateScenario.Update, new { input = CandidateScenario.UpdateOf(candidate) })).ShouldFailWith("FORBIDDEN");

        Assert.Equal(["CandidateRegistered"], factory.Outbox(candidate.CandidateGuid()).Select(m => m.MessageType));
        Assert.Equal(1, factory.Stored(candidate).Version);
    }
}
