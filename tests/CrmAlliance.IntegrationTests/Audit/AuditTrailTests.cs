using System.Net;
using System.Net.Http.Json;
using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Features.Matches;
using CrmAlliance.IntegrationTests.Candidates;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Vacancies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Audit;

/// <summary>What the audit trail records (changes, reads, bulk imports), who may search it, and crypto-shredding.</summary>
public class AuditTrailTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private async Task<(TestUser Consultant, Api.Features.Candidates.Candidate Stored, string Reference)> ChangedCandidateAsync()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var candidate = await consultant.Client.RegisterCandidateAsync();
        var input = CandidateScenario.UpdateOf(candidate);
        input["postcode"] = "9220";
        await consultant.Client.QueryAsync(CandidateScenario.Update, new { input });
        return (consultant, CandidateScenario.Stored(factory, candidate), candidate["caseReference"]!.GetValue<string>());
    }

    private static string UserKey(TestUser user) => Api.Infrastructure.GraphQL.GlobalId.TryDecode(user.Id, out _, out var key) ? key : user.Id;

    [Fact]
    public async Task A_change_records_who_what_and_old_and_new_values_encrypted_at_rest()
    {
        var (consultant, candidate, reference) = await ChangedCandidateAsync();
        var admin = await factory.SignInAsAdminAsync();

        var entries = (await admin.SearchAsync(new { candidateReference = reference })).Nodes();

        var changed = Assert.Single(entries, e => (string?)e["action"] == "CHANGED");
        Assert.Equal((UserKey(consultant), consultant.Email, "Consultant", "Candidate", candidate.Id.ToString()),
            ((string)changed["actorUserId"]!, (string?)changed["actorEmail"], (string)changed["actorRole"]!, (string)changed["entityType"]!, (string?)changed["entityId"]));
        var postcode = Assert.Single(changed["changes"]!.AsArray(), c => (string?)c!["field"] == "Postcode")!;
        Assert.Equal(("9000", "9220"), ((string?)postcode["old"], (string?)postcode["new"]));
        Assert.Contains(entries, e => (string?)e["action"] == "CREATED");

        var stored = Assert.Single(await factory.EntriesAsync(e => e.CandidateId == candidate.Id && e.Action == AuditAction.Changed));
        Assert.StartsWith(AuditCrypto.Prefix, stored.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("9220", stored.Changes!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_commits_in_the_change_s_transaction_and_a_rolled_back_or_refused_change_leaves_none()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var candidate = await consultant.Client.RegisterCandidateAsync();
        var id = candidate.CandidateGuid();

        await factory.WithScopeAsync(async (_, db) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Candidates.SingleAsync(c => c.Id == id)).Postcode = "9800";
            await db.SaveChangesAsync();
            Assert.True(await db.AuditEntries.AnyAsync(e => e.CandidateId == id && e.Action == AuditAction.Changed));
            await transaction.RollbackAsync();
        });
        var stale = CandidateScenario.UpdateOf(candidate);
        (stale["postcode"], stale["version"]) = ("9210", 7);
        (await consultant.Client.SendAsync(CandidateScenario.Update, new { input = stale })).ShouldFailWith("CONFLICT");

        Assert.Empty(await factory.EntriesAsync(e => e.CandidateId == id && e.Action == AuditAction.Changed));
        Assert.Single(await factory.EntriesAsync(e => e.CandidateId == id && e.Action == AuditAction.Created));
    }

    [Fact]
    public async Task Reading_the_candidate_list_or_one_candidate_records_one_entry_per_request()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var candidate = await consultant.Client.RegisterCandidateAsync();
        var reader = await factory.CreateUserAsync("MANAGER");

        var list = await reader.Client.QueryAsync("{ candidates(first: 3, filter: { postcode: \"9000\" }) { totalCount edges { node { id } } } }");
        await reader.Client.QueryAsync("query($id: ID!) { candidate(id: $id) { caseReference } }", new { id = candidate["id"]!.GetValue<string>() });

        var reads = await factory.EntriesAsync(e => e.ActorEmail == reader.Email && e.Action == AuditAction.Read);
        Assert.Equal(2, reads.Count);
        Assert.Contains("postcode=9000", reads[0].Details, StringComparison.Ordinal);
        Assert.Equal(list["candidates"]!["edges"]!.AsArray().Count, reads[0].RowCount);
        Assert.Null(reads[0].CandidateId);
        Assert.Equal(candidate.CandidateGuid(), reads[1].CandidateId);
    }

    [Fact]
    public async Task The_matching_snapshot_and_an_export_with_candidates_record_one_read_each_with_their_row_count()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        await consultant.Client.RegisterCandidateAsync();
        var before = (await factory.EntriesAsync(e => e.EntityType == "CandidateSnapshot")).Count;

        var page = await factory.WithResultAsync(sp => sp.GetRequiredService<CandidateSnapshotQueries>().PageAsync(null, 5, CancellationToken.None));
        var manager = await factory.CreateUserAsync("MANAGER");
        using var export = await manager.Client.Http.GetAsync("/exports/placements.csv?period=2025");

        var snapshot = (await factory.EntriesAsync(e => e.EntityType == "CandidateSnapshot")).Skip(before).Single();
        Assert.Equal((AuditEntry.SystemUserId, page.Items.Count), (snapshot.ActorUserId, snapshot.RowCount));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var exported = Assert.Single(await factory.EntriesAsync(e => e.ActorEmail == manager.Email && e.EntityType == "Export"));
        Assert.Contains("export=placements period=2025", exported.Details, StringComparison.Ordinal);
        Assert.Equal((await export.Content.ReadAsStringAsync()).TrimEnd().Split('\n').Length - 1, exported.RowCount);
    }

    [Fact]
    public async Task A_bulk_import_records_one_entry_with_its_row_count_and_none_per_row()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var run = TestData.UniqueLetters(8);
        var csv = "caseReference,targetGroup,soughtOccupations,skills,educationLevel,hasWorkExperience,postcode,availableFrom,lastEmployerCvr\n"
            + string.Concat(Enumerable.Range(1, 3).Select(i => $"BLK-{run}-{i},dagpenge,\"5120\",\"Kold køkken\",erhvervsfaglig,ja,9000,2026-03-01,\n"));

        var report = (await consultant.Client.QueryAsync("mutation($input: ImportCandidatesInput!) { importCandidates(input: $input) { committed } }", new { input = new { csv } }))["importCandidates"]!;

        Assert.True(report["committed"]!.GetValue<bool>());
        var bulk = Assert.Single(await factory.EntriesAsync(e => e.ActorEmail == consultant.Email));
        Assert.Equal((AuditAction.Bulk, "Candidate", 3), (bulk.Action, bulk.EntityType, bulk.RowCount));
    }

    [Fact]
    public async Task Admins_search_by_user_entity_candidate_and_period_in_pages()
    {
        var (consultant, candidate, reference) = await ChangedCandidateAsync();
        var admin = await factory.SignInAsAdminAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var byUser = await admin.SearchAsync(new { user = consultant.Email }, first: 1);
        var secondPage = await admin.SearchAsync(new { user = consultant.Email }, first: 1, after: (string)byUser["pageInfo"]!["endCursor"]!);
        var byEntity = await admin.SearchAsync(new { entityType = "Candidate", entityId = candidate.Id.ToString() });
        var byCandidate = await admin.SearchAsync(new { candidateReference = reference });
        var inPeriod = await admin.SearchAsync(new { candidateReference = reference, from = today.AddDays(-1).ToString("yyyy-MM-dd"), to = today.AddDays(1).ToString("yyyy-MM-dd") });
        var outOfPeriod = await admin.SearchAsync(new { candidateReference = reference, from = today.AddDays(2).ToString("yyyy-MM-dd") });
        var reversed = await admin.SendAsync(AuditScenario.Search, new { filter = new { from = "2026-05-02", to = "2026-05-01" } });

        Assert.Equal(2, byUser["totalCount"]!.GetValue<int>());
        Assert.True(byUser["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.NotEqual((string?)byUser.Nodes()[0]["id"], (string?)secondPage.Nodes()[0]["id"]);
        Assert.All(byUser.Nodes().Concat(secondPage.Nodes()), n => Assert.Equal(consultant.Email, (string?)n["actorEmail"]));
        Assert.Equal(["CHANGED", "CREATED"], byEntity.Nodes().Select(n => (string)n["action"]!));
        Assert.Equal(2, byCandidate["totalCount"]!.GetValue<int>());
        Assert.Equal(2, inPeriod["totalCount"]!.GetValue<int>());
        Assert.Equal(0, outOfPeriod["totalCount"]!.GetValue<int>());
        Assert.Equal(["filter.to"], reversed.ShouldFailWith("VALIDATION").Fields);
    }

    [Theory]
    [InlineData("CONSULTANT")]
    [InlineData("MANAGER")]
    [InlineData("COMPANY")]
    public async Task Only_Admins_search_or_export_the_trail(string role)
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var company = await consultant.Client.RegisterCompanyAtWorkAsync();
        var user = await factory.CreateUserAsync(role, role == "COMPANY" ? company.CompanyId : null);

        var search = await user.Client.SendAsync(AuditScenario.Search, new { filter = new { entityType = "Candidate" } });
        using var csv = await user.Client.Http.GetAsync("/audit/entries.csv?entityType=Candidate");

        search.ShouldFailWith("FORBIDDEN");
        Assert.Null(search.Data?["auditEntries"]);
        Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
        Assert.DoesNotContain("Candidate", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_and_the_admin_page_show_the_same_search()
    {
        var (_, _, reference) = await ChangedCandidateAsync();
        var admin = await factory.SignInAsAdminAsync();
        var cookie = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await cookie.PostAsJsonAsync("/auth/login?useCookies=true", new { email = CrmApiFactory.AdminEmail, password = CrmApiFactory.AdminPassword })).EnsureSuccessStatusCode();

        using var csv = await admin.Http.GetAsync("/audit/entries.csv?candidate=" + Uri.EscapeDataString(reference));
        using var page = await cookie.GetAsync("/admin/revisionsspor?kandidat=" + Uri.EscapeDataString(reference));
        using var badDay = await admin.Http.GetAsync("/audit/entries.csv?from=igår");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("sequence,at,actor_user_id", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("Postcode: 9000 → 9220", lines[1], StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Revisionsspor", html, StringComparison.Ordinal);
        Assert.Contains("2 hændelser", html, StringComparison.Ordinal);
        Assert.Contains("9000 → 9220", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badDay.StatusCode);
    }

    [Fact]
    public async Task After_ForgetAsync_the_values_about_the_candidate_read_slettet_and_the_chain_still_holds()
    {
        var (_, candidate, reference) = await ChangedCandidateAsync();
        var admin = await factory.SignInAsAdminAsync();
        await factory.SealAsync();

        await factory.WithScopeAsync(async (services, db) =>
        {
            await services.GetRequiredService<AuditTrail>().ForgetAsync(candidate.Id, CancellationToken.None);
            await db.SaveChangesAsync();
        });

        var changed = (await admin.SearchAsync(new { candidateReference = reference })).Nodes().Single(n => (string?)n["action"] == "CHANGED");
        Assert.True(changed["erased"]!.GetValue<bool>());
        var postcode = changed["changes"]!.AsArray().Single(c => (string?)c!["field"] == "Postcode")!;
        Assert.Equal((AuditQueries.ErasedValue, AuditQueries.ErasedValue), ((string?)postcode["old"], (string?)postcode["new"]));
        await using var db = factory.NewDbContext();
        Assert.False(await db.AuditSubjectKeys.AnyAsync(k => k.CandidateId == candidate.Id));
        Assert.Null((await factory.VerifyAsync()).Break);
    }
}

/// <summary>The audit trail on PostgreSQL: same-transaction entries, its append-only trigger, shredding.</summary>
[OnPostgres]
public sealed class AuditTrailOnPostgresTests(PostgresApiFactory factory) : AuditTrailTests(factory), IClassFixture<PostgresApiFactory>;
