using CrmAlliance.Api.Features;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Candidates;

public sealed class RegisterAndUpdateCandidateTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task A_consultant_registers_a_candidate_who_gets_an_alias_not_derived_from_the_reference()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var input = CandidateScenario.NewCandidate();
        input["skills"] = new[] { " Kold køkken ", "kold køkken", "Truckkort" };
        input["lastEmployerCvr"] = TestData.NewCvr();

        var candidate = await consultant.Client.RegisterCandidateAsync(input);

        var stored = factory.Stored(candidate);
        Assert.Equal(input["caseReference"], stored.CaseReference);
        Assert.Matches("^Kandidat [0-9A-F]{4}$", stored.DisplayAlias);
        Assert.Equal(candidate.CandidateGuid().ToString("N")[^4..].ToUpperInvariant(), stored.DisplayAlias[^4..]);
        Assert.Equal(TargetGroup.InsuredUnemployed, stored.TargetGroup);
        Assert.Equal(["5120", "7233"], stored.SoughtOccupations);
        Assert.Equal(["Kold køkken", "Truckkort"], stored.Skills);
        Assert.Equal(input["lastEmployerCvr"], stored.LastEmployerCvr);
        Assert.Equal(1, stored.Version);
    }

    [Theory]
    [InlineData("SAG-010190-1234")]
    [InlineData("0101901234")]
    [InlineData("Borger 311299 4321")]
    public async Task A_case_reference_containing_a_CPR_number_is_refused_with_the_reason_and_nothing_is_stored(string reference)
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var response = await consultant.Client.SendAsync(CandidateScenario.Register, new { input = CandidateScenario.NewCandidate(reference) });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.caseReference"], response.Fields);
        var message = response.Message;
        Assert.Contains("CPR numbers must never be stored", message, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, message, StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.DoesNotContain(db.Candidates, c => c.CaseReference == reference);
    }

    [Fact]
    public async Task A_known_case_reference_is_refused_with_CONFLICT()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var reference = TestData.NewCaseReference();
        await consultant.Client.RegisterCandidateAsync(CandidateScenario.NewCandidate(reference));

        var response = await consultant.Client.SendAsync(CandidateScenario.Register, new { input = CandidateScenario.NewCandidate(reference) });

        response.ShouldFailWith("CONFLICT");
        Assert.Equal(["input.caseReference"], response.Fields);
        await using var db = factory.NewDbContext();
        Assert.Single(db.Candidates, c => c.CaseReference == reference);
    }

    [Fact]
    public async Task Invalid_fields_are_refused_field_by_field_and_nothing_is_stored()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var input = CandidateScenario.NewCandidate();
        input["soughtOccupations"] = new[] { "5120", "99" };
        input["skills"] = Enumerable.Range(1, 31).Select(i => $"Skill {i}").ToArray();
        input["postcode"] = "0001";
        input["lastEmployerCvr"] = "12345678";

        var response = await consultant.Client.SendAsync(CandidateScenario.Register, new { input });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.soughtOccupations", "input.skills", "input.postcode", "input.lastEmployerCvr"], response.Fields);
        await using var db = factory.NewDbContext();
        Assert.DoesNotContain(db.Candidates, c => c.CaseReference == (string)input["caseReference"]!);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task A_candidate_seeks_one_to_ten_occupations(int count)
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var input = CandidateScenario.NewCandidate();
        var unitGroups = new[] { "1111", "1112", "1114", "1120", "1211", "1212", "1213", "1219", "1221", "1222", "1223" };
        input["soughtOccupations"] = unitGroups.Take(count).ToArray();
        input["caseReference"] = new string('R', 65);

        var response = await consultant.Client.SendAsync(CandidateScenario.Register, new { input });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.caseReference", "input.soughtOccupations"], response.Fields);
    }

    [Theory]
    [InlineData("ADMIN")]
    [InlineData("MANAGER")]
    [InlineData("COMPANY")]
    public async Task Only_consultants_register_candidates(string role)
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = role == "COMPANY" ? (await Vacancies.VacancyScenario.RegisterCompanyAtWorkAsync(consultant.Client)).CompanyId : null;
        var user = await factory.CreateUserAsync(role, companyId);
        var input = CandidateScenario.NewCandidate();

        var response = await user.Client.SendAsync(CandidateScenario.Register, new { input });

        response.ShouldFailWith("FORBIDDEN");
        await using var db = factory.NewDbContext();
        Assert.DoesNotContain(db.Candidates, c => c.CaseReference == (string)input["caseReference"]!);
    }

    [Fact]
    public async Task A_consultant_updates_a_candidate_and_the_alias_stays()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var candidate = await consultant.Client.RegisterCandidateAsync();
        var input = CandidateScenario.UpdateOf(candidate);
        input["caseReference"] = TestData.NewCaseReference();
        input["targetGroup"] = "ACTIVITY_READY_SOCIAL_ASSISTANCE";
        input["soughtOccupations"] = new[] { "962901" };
        input["hasWorkExperience"] = false;

        var updated = (await consultant.Client.QueryAsync(CandidateScenario.Update, new { input }))["updateCandidate"]!;

        Assert.Equal(2, updated["version"]!.GetValue<int>());
        var stored = factory.Stored(candidate);
        Assert.Equal(input["caseReference"], stored.CaseReference);
        Assert.Equal(TargetGroup.ActivityReadySocialAssistance, stored.TargetGroup);
        Assert.Equal(["962901"], stored.SoughtOccupations);
        Assert.False(stored.HasWorkExperience);
        Assert.Equal(candidate["displayAlias"]!.GetValue<string>(), stored.DisplayAlias);
    }

    [Fact]
    public async Task A_stale_update_is_refused_with_CONFLICT_and_changes_nothing()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var candidate = await consultant.Client.RegisterCandidateAsync();
        var first = CandidateScenario.UpdateOf(candidate);
        first["postcode"] = "9200";
        var second = CandidateScenario.UpdateOf(candidate);
        second["postcode"] = "8000";

        await consultant.Client.QueryAsync(CandidateScenario.Update, new { input = first });
        var stale = await consultant.Client.SendAsync(CandidateScenario.Update, new { input = second });

        stale.ShouldFailWith("CONFLICT");
        Assert.Equal(["input.version"], stale.Fields);
        Assert.Equal("9200", factory.Stored(candidate).Postcode);
    }

    [Fact]
    public async Task Taking_another_candidates_reference_is_refused_with_CONFLICT_and_changes_nothing()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var other = await consultant.Client.RegisterCandidateAsync();
        var candidate = await consultant.Client.RegisterCandidateAsync();
        var input = CandidateScenario.UpdateOf(candidate);
        input["caseReference"] = other["caseReference"]!.GetValue<string>();
        input["postcode"] = "9200";

        var response = await consultant.Client.SendAsync(CandidateScenario.Update, new { input });

        response.ShouldFailWith("CONFLICT");
        var stored = factory.Stored(candidate);
        Assert.Equal(candidate["caseReference"]!.GetValue<string>(), stored.CaseReference);
        Assert.Equal("9000", stored.Postcode);
    }

    [Fact]
    public async Task A_CPR_number_is_refused_on_update_too_and_changes_nothing()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var candidate = await consultant.Client.RegisterCandidateAsync();
        var input = CandidateScenario.UpdateOf(candidate);
        input["caseReference"] = "2412851234";

        var response = await consultant.Client.SendAsync(CandidateScenario.Update, new { input });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.caseReference"], response.Fields);
        Assert.Equal(candidate["caseReference"]!.GetValue<string>(), factory.Stored(candidate).CaseReference);
    }

    [Theory]
    [InlineData("ADMIN")]
    [InlineData("MANAGER")]
    [InlineData("COMPANY")]
    public async Task Only_consultants_update_candidates(string role)
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var candidate = await consultant.Client.RegisterCandidateAsync();
        var companyId = role == "COMPANY" ? (await Vacancies.VacancyScenario.RegisterCompanyAtWorkAsync(consultant.Client)).CompanyId : null;
        var user = await factory.CreateUserAsync(role, companyId);
        var input = CandidateScenario.UpdateOf(candidate);
        input["postcode"] = "9200";

        var response = await user.Client.SendAsync(CandidateScenario.Update, new { input });

        response.ShouldFailWith("FORBIDDEN");
        Assert.Equal("9000", factory.Stored(candidate).Postcode);
    }

    [Fact]
    public async Task Updating_an_unknown_candidate_is_NOT_FOUND()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var candidate = await consultant.Client.RegisterCandidateAsync();
        var input = CandidateScenario.UpdateOf(candidate);
        input["id"] = Api.Infrastructure.GraphQL.GlobalId.Encode("Candidate", Guid.NewGuid());

        var response = await consultant.Client.SendAsync(CandidateScenario.Update, new { input });

        response.ShouldFailWith("NOT_FOUND");
    }
}
