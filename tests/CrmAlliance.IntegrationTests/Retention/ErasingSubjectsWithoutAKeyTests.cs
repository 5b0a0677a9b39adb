using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.Audit;
using CrmAlliance.IntegrationTests.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Retention;

/// <summary>
/// A subject the trail holds no key for — a candidate written by the bulk import, a contact person older than the trail —
/// is erased as fully as any other: the erasing save's own entries must not leave a new key behind that opens them.
/// </summary>
public sealed class ErasingSubjectsWithoutAKeyTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task An_imported_candidate_s_erasure_leaves_no_key_and_no_readable_value_about_them()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var reference = $"IMP-{TestData.UniqueLetters(8)}";
        var csv = "caseReference,targetGroup,soughtOccupations,skills,educationLevel,hasWorkExperience,postcode,availableFrom,lastEmployerCvr\n"
            + $"{reference},dagpenge,\"5120\",\"Kold køkken\",erhvervsfaglig,ja,9000,2026-03-01,\n";
        var report = (await consultant.Client.QueryAsync("mutation($input: ImportCandidatesInput!) { importCandidates(input: $input) { committed } }", new { input = new { csv } }))["importCandidates"]!;
        Assert.True(report["committed"]!.GetValue<bool>());
        Guid id;
        await using (var db = factory.NewDbContext())
        {
            id = (await db.Candidates.SingleAsync(c => c.CaseReference == reference)).Id;
            Assert.False(await db.AuditSubjectKeys.AnyAsync(k => k.CandidateId == id)); // the import's one bulk entry made none
        }

        await factory.WithdrawYearsAgoAsync(id, 6);
        await factory.EraseAsOfAsync(DateOnly.FromDateTime(DateTime.UtcNow));

        await using var check = factory.NewDbContext();
        Assert.StartsWith("SLETTET-", (await check.Candidates.SingleAsync(c => c.Id == id)).CaseReference, StringComparison.Ordinal);
        Assert.False(await check.AuditSubjectKeys.AnyAsync(k => k.CandidateId == id));
        var about = await factory.EntriesAsync(e => e.CandidateId == id);
        Assert.Contains(about, e => e.Action == AuditAction.Changed); // the erasure itself is recorded …
        Assert.All(about.Where(e => e.Changes is not null), e => Assert.True(AuditCrypto.IsEncrypted(e.Changes))); // … without a readable value
        Assert.Empty(await factory.ColumnsHoldingAsync(reference));
    }

    [Fact]
    public async Task A_contact_person_older_than_the_trail_is_erased_without_a_key_left_behind()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 10);
        var name = "Kontakt " + TestData.UniqueLetters(8);
        var contactId = (await consultant.QueryAsync(
            "mutation($input: SaveCompanyContactInput!) { saveCompanyContact(input: $input) { id } }",
            new { input = new { companyId = workplace.CompanyId, name, isEmployeeRepresentative = false } })).Id("saveCompanyContact");
        var contactKey = GlobalId.Parse(contactId, "CompanyContact", "id");
        await using (var db = factory.NewDbContext())
        {
            // As for a row written before the trail existed: no key.
            Assert.Equal(1, await db.AuditSubjectKeys.Where(k => k.CandidateId == contactKey).ExecuteDeleteAsync());
        }

        await consultant.QueryAsync("mutation($id: ID!) { eraseCompanyContact(id: $id) }", new { id = contactId });

        await using var check = factory.NewDbContext();
        Assert.False(await check.AuditSubjectKeys.AnyAsync(k => k.CandidateId == contactKey));
        var deleted = Assert.Single(await factory.EntriesAsync(e => e.EntityType == "CompanyContact" && e.Action == AuditAction.Deleted && e.EntityId == contactKey.ToString()));
        Assert.True(AuditCrypto.IsEncrypted(deleted.Changes));
    }
}
