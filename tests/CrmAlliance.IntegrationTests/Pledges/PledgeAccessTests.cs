using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Pledges;

/// <summary>Who may do what with pledges: every operation against every kind of caller.</summary>
public sealed class PledgeAccessTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task Consultants_and_managers_record_pledges_and_everyone_else_is_refused_without_storing_anything()
    {
        var cast = await RoleCast.CreateAsync(factory);
        object Input(string start, string end) => new { input = new { companyId = cast.CompanyId, periodStart = start, periodEnd = end, internships = 1 } };

        (await cast.Admin.SendAsync(PledgeTests.RecordPledge, Input("2020-01-01", "2020-12-31"))).ShouldFailWith("FORBIDDEN");
        (await cast.CompanyUser.Client.SendAsync(PledgeTests.RecordPledge, Input("2021-01-01", "2021-12-31"))).ShouldFailWith("FORBIDDEN");
        (await cast.OtherCompanyUser.Client.SendAsync(PledgeTests.RecordPledge, Input("2022-01-01", "2022-12-31"))).ShouldFailWith("FORBIDDEN");
        (await factory.Anonymous().SendAsync(PledgeTests.RecordPledge, Input("2023-01-01", "2023-12-31"))).ShouldFailWith("UNAUTHENTICATED");
        await cast.Consultant.Client.QueryAsync(PledgeTests.RecordPledge, Input("2024-01-01", "2024-12-31"));
        await cast.Manager.Client.QueryAsync(PledgeTests.RecordPledge, Input("2025-01-01", "2025-12-31"));

        Assert.Equal([2024, 2025], await PeriodStartYearsAsync(cast));
    }

    [Fact]
    public async Task Consultants_and_managers_update_pledges_and_everyone_else_is_refused_without_changing_anything()
    {
        var cast = await RoleCast.CreateAsync(factory);
        var id = await PledgeTests.RecordAsync(cast.Consultant.Client, cast.CompanyId, "2026-01-01", "2026-12-31");
        object Input(int internships, int version = 1) => new { input = PledgeTests.UpdateInput(id, "2026-01-01", "2026-12-31", internships, version: version) };

        (await cast.Admin.SendAsync(PledgeTests.UpdatePledge, Input(10))).ShouldFailWith("FORBIDDEN");
        (await cast.CompanyUser.Client.SendAsync(PledgeTests.UpdatePledge, Input(11))).ShouldFailWith("FORBIDDEN");
        (await cast.OtherCompanyUser.Client.SendAsync(PledgeTests.UpdatePledge, Input(12))).ShouldFailWith("FORBIDDEN");
        Assert.Equal(2, await InternshipsAsync(id));

        await cast.Consultant.Client.QueryAsync(PledgeTests.UpdatePledge, Input(3));
        Assert.Equal(3, await InternshipsAsync(id));
        await cast.Manager.Client.QueryAsync(PledgeTests.UpdatePledge, Input(4, version: 2));
        Assert.Equal(4, await InternshipsAsync(id));
    }

    [Fact]
    public async Task Consultants_and_managers_remove_pledges_and_everyone_else_is_refused_without_removing_anything()
    {
        var cast = await RoleCast.CreateAsync(factory);
        var first = await PledgeTests.RecordAsync(cast.Consultant.Client, cast.CompanyId, "2026-01-01", "2026-12-31");
        var second = await PledgeTests.RecordAsync(cast.Consultant.Client, cast.CompanyId, "2027-01-01", "2027-12-31");

        (await cast.Admin.SendAsync(PledgeTests.RemovePledge, new { id = first })).ShouldFailWith("FORBIDDEN");
        (await cast.CompanyUser.Client.SendAsync(PledgeTests.RemovePledge, new { id = first })).ShouldFailWith("FORBIDDEN");
        (await cast.OtherCompanyUser.Client.SendAsync(PledgeTests.RemovePledge, new { id = first })).ShouldFailWith("FORBIDDEN");
        Assert.Equal([2026, 2027], await PeriodStartYearsAsync(cast));

        await cast.Consultant.Client.QueryAsync(PledgeTests.RemovePledge, new { id = first });
        await cast.Manager.Client.QueryAsync(PledgeTests.RemovePledge, new { id = second });
        Assert.Empty(await PeriodStartYearsAsync(cast));
    }

    [Fact]
    public async Task Staff_read_every_pledge_with_its_note_and_a_company_user_only_its_own_without_notes()
    {
        var cast = await RoleCast.CreateAsync(factory);
        await PledgeTests.RecordAsync(cast.Consultant.Client, cast.CompanyId, "2026-01-01", "2026-12-31", note: "Kun til jobcentret");
        await PledgeTests.RecordAsync(cast.Consultant.Client, cast.OtherCompanyId, "2026-01-01", "2026-12-31", note: "Andet firmas note");
        const string ByCompany = "query($companyId: ID) { pledges(companyId: $companyId) { totalCount edges { node { note company { id } } } } }";
        const string All = "{ pledges(first: 100) { edges { node { note company { id } } } } }";

        foreach (var staff in new[] { cast.Consultant.Client, cast.Manager.Client, cast.Admin })
        {
            var data = (await staff.QueryAsync(ByCompany, new { companyId = cast.CompanyId }))["pledges"]!;
            Assert.Equal("Kun til jobcentret", data["edges"]![0]!["node"]!["note"]!.GetValue<string>());
        }

        var own = (await cast.CompanyUser.Client.QueryAsync(ByCompany, new { companyId = cast.CompanyId }))["pledges"]!;
        Assert.Equal(1, own["totalCount"]!.GetValue<int>());
        Assert.Null(own["edges"]![0]!["node"]!["note"]);

        var unfiltered = (await cast.CompanyUser.Client.QueryAsync(All))["pledges"]!["edges"]!.AsArray();
        Assert.All(unfiltered, e => Assert.Equal(cast.CompanyId, e!["node"]!["company"]!["id"]!.GetValue<string>()));
        Assert.All(unfiltered, e => Assert.Null(e!["node"]!["note"]));
        Assert.Single(unfiltered);

        (await cast.OtherCompanyUser.Client.SendAsync(ByCompany, new { companyId = cast.CompanyId })).ShouldFailWith("FORBIDDEN");
        var othersOwn = (await cast.OtherCompanyUser.Client.QueryAsync(All))["pledges"]!["edges"]!.AsArray();
        Assert.All(othersOwn, e => Assert.Equal(cast.OtherCompanyId, e!["node"]!["company"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_company_pledges_field_and_node_hide_notes_from_company_users_and_other_companies_pledges_entirely()
    {
        var cast = await RoleCast.CreateAsync(factory);
        var id = await PledgeTests.RecordAsync(cast.Consultant.Client, cast.CompanyId, "2026-01-01", "2026-12-31", note: "Fortroligt");
        const string Field = "query($id: ID!) { company(id: $id) { pledges { note } } }";
        const string Node = "query($id: ID!) { node(id: $id) { id ... on Pledge { note } } }";

        foreach (var staff in new[] { cast.Consultant.Client, cast.Manager.Client, cast.Admin })
        {
            Assert.Equal("Fortroligt", (await staff.QueryAsync(Field, new { id = cast.CompanyId }))["company"]!["pledges"]![0]!["note"]!.GetValue<string>());
            Assert.Equal("Fortroligt", (await staff.QueryAsync(Node, new { id }))["node"]!["note"]!.GetValue<string>());
        }

        var ownField = await cast.CompanyUser.Client.QueryAsync(Field, new { id = cast.CompanyId });
        var ownNode = await cast.CompanyUser.Client.QueryAsync(Node, new { id });
        Assert.Null(ownField["company"]!["pledges"]![0]!["note"]);
        Assert.Equal(id, ownNode["node"]!["id"]!.GetValue<string>());
        Assert.Null(ownNode["node"]!["note"]);

        Assert.Null((await cast.OtherCompanyUser.Client.QueryAsync(Field, new { id = cast.CompanyId }))["company"]);
        Assert.Null((await cast.OtherCompanyUser.Client.QueryAsync(Node, new { id }))["node"]);
    }

    private async Task<List<int>> PeriodStartYearsAsync(RoleCast cast)
    {
        await using var db = factory.NewDbContext();
        var starts = await db.Pledges.Where(p => p.CompanyId == cast.CompanyGuid).OrderBy(p => p.PeriodStart).Select(p => p.PeriodStart).ToListAsync();
        return starts.Select(s => s.Year).ToList();
    }

    private async Task<int> InternshipsAsync(string pledgeId)
    {
        await using var db = factory.NewDbContext();
        var id = GlobalId.Parse(pledgeId, "Pledge", "id");
        return (await db.Pledges.SingleAsync(p => p.Id == id)).Internships;
    }
}
