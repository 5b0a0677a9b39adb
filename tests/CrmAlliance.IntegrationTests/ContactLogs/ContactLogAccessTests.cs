using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.ContactLogs;

/// <summary>Who may do what with contact logs: every operation against every kind of caller.</summary>
public sealed class ContactLogAccessTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task Only_consultants_may_log_contacts_and_a_refusal_stores_nothing()
    {
        var cast = await RoleCast.CreateAsync(factory);
        object Input(string summary) => new { input = new { companyId = cast.CompanyId, occurredAt = DateTimeOffset.UtcNow, channel = "PHONE", summary } };

        (await cast.Manager.Client.SendAsync(ContactLogTests.LogContact, Input("Leder"))).ShouldFailWith("FORBIDDEN");
        (await cast.Admin.SendAsync(ContactLogTests.LogContact, Input("Admin"))).ShouldFailWith("FORBIDDEN");
        (await cast.CompanyUser.Client.SendAsync(ContactLogTests.LogContact, Input("Egen virksomhed"))).ShouldFailWith("FORBIDDEN");
        (await cast.OtherCompanyUser.Client.SendAsync(ContactLogTests.LogContact, Input("Anden virksomhed"))).ShouldFailWith("FORBIDDEN");
        (await factory.Anonymous().SendAsync(ContactLogTests.LogContact, Input("Anonym"))).ShouldFailWith("UNAUTHENTICATED");
        await cast.Consultant.Client.QueryAsync(ContactLogTests.LogContact, Input("Konsulent"));

        await using var db = factory.NewDbContext();
        Assert.Equal(["Konsulent"], await db.ContactLogs.Where(c => c.CompanyId == cast.CompanyGuid).Select(c => c.Summary).ToListAsync());
    }

    [Fact]
    public async Task Only_consultants_may_complete_follow_ups_and_a_refusal_leaves_it_open()
    {
        var cast = await RoleCast.CreateAsync(factory);
        var id = await ContactLogTests.LogAsync(cast.Consultant.Client, cast.CompanyId, "Ring tilbage", DateTimeOffset.UtcNow.AddDays(-1), DanishCalendar.Today(TimeProvider.System));
        var variables = new { id };

        (await cast.Manager.Client.SendAsync(ContactLogTests.CompleteFollowUp, variables)).ShouldFailWith("FORBIDDEN");
        (await cast.Admin.SendAsync(ContactLogTests.CompleteFollowUp, variables)).ShouldFailWith("FORBIDDEN");
        (await cast.CompanyUser.Client.SendAsync(ContactLogTests.CompleteFollowUp, variables)).ShouldFailWith("FORBIDDEN");
        (await cast.OtherCompanyUser.Client.SendAsync(ContactLogTests.CompleteFollowUp, variables)).ShouldFailWith("FORBIDDEN");
        await using (var db = factory.NewDbContext())
        {
            var logId = GlobalId.Parse(id, "ContactLog", "id");
            Assert.False((await db.ContactLogs.SingleAsync(c => c.Id == logId)).FollowUpDone);
        }

        var colleague = await factory.CreateUserAsync("CONSULTANT");
        var data = await colleague.Client.QueryAsync(ContactLogTests.CompleteFollowUp, variables);
        Assert.True(data["completeFollowUp"]!["followUpDone"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Staff_read_a_company_s_contact_logs_and_company_users_are_refused()
    {
        var cast = await RoleCast.CreateAsync(factory);
        await ContactLogTests.LogAsync(cast.Consultant.Client, cast.CompanyId, "Notat", DateTimeOffset.UtcNow.AddHours(-1), null);
        const string Query = "query($companyId: ID!) { contactLogs(companyId: $companyId) { totalCount edges { node { summary } } } }";
        var variables = new { companyId = cast.CompanyId };

        foreach (var staff in new[] { cast.Consultant.Client, cast.Manager.Client, cast.Admin })
        {
            Assert.Equal(1, (await staff.QueryAsync(Query, variables))["contactLogs"]!["totalCount"]!.GetValue<int>());
        }

        var own = (await cast.CompanyUser.Client.SendAsync(Query, variables)).ShouldFailWith("FORBIDDEN");
        (await cast.OtherCompanyUser.Client.SendAsync(Query, variables)).ShouldFailWith("FORBIDDEN");
        Assert.Null(own.Data);
    }

    [Fact]
    public async Task Staff_read_follow_ups_due_and_company_users_are_refused()
    {
        var cast = await RoleCast.CreateAsync(factory);
        const string Query = "{ followUpsDue { totalCount } }";

        foreach (var staff in new[] { cast.Consultant.Client, cast.Manager.Client, cast.Admin })
        {
            await staff.QueryAsync(Query);
        }

        (await cast.CompanyUser.Client.SendAsync(Query)).ShouldFailWith("FORBIDDEN");
        (await cast.OtherCompanyUser.Client.SendAsync(Query)).ShouldFailWith("FORBIDDEN");
    }

    [Fact]
    public async Task Staff_see_a_company_s_latest_contacts_and_company_users_are_refused_by_the_core()
    {
        var cast = await RoleCast.CreateAsync(factory);
        await ContactLogTests.LogAsync(cast.Consultant.Client, cast.CompanyId, "Seneste", DateTimeOffset.UtcNow.AddHours(-1), null);
        await ContactLogTests.LogAsync(cast.Consultant.Client, cast.OtherCompanyId, "Andens seneste", DateTimeOffset.UtcNow.AddHours(-1), null);
        const string ById = "query($id: ID!) { company(id: $id) { name latestContacts { summary } } }";
        const string Own = "{ companies { edges { node { name latestContacts { summary } } } } }";

        foreach (var staff in new[] { cast.Consultant.Client, cast.Manager.Client, cast.Admin })
        {
            var data = await staff.QueryAsync(ById, new { id = cast.CompanyId });
            Assert.Equal("Seneste", data["company"]!["latestContacts"]![0]!["summary"]!.GetValue<string>());
        }

        foreach (var companyUser in new[] { cast.CompanyUser, cast.OtherCompanyUser })
        {
            var refused = (await companyUser.Client.SendAsync(Own)).ShouldFailWith("FORBIDDEN");
            var company = refused.Data!["companies"]!["edges"]![0]!["node"]!;
            Assert.NotNull(company["name"]);
            Assert.Null(company["latestContacts"]);
            Assert.Equal(["companies", "edges", 0, "node", "latestContacts"], refused.Errors[0]["path"]!.AsArray().Select(p => p!.GetValueKind() == System.Text.Json.JsonValueKind.Number ? (object)p.GetValue<int>() : p.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Staff_find_a_contact_log_by_node_id_and_company_users_are_refused()
    {
        var cast = await RoleCast.CreateAsync(factory);
        var id = await ContactLogTests.LogAsync(cast.Consultant.Client, cast.CompanyId, "Node", DateTimeOffset.UtcNow.AddHours(-1), null);
        const string Query = "query($id: ID!) { node(id: $id) { id ... on ContactLog { summary company { id } } } }";

        foreach (var staff in new[] { cast.Consultant.Client, cast.Manager.Client, cast.Admin })
        {
            var data = await staff.QueryAsync(Query, new { id });
            Assert.Equal("Node", data["node"]!["summary"]!.GetValue<string>());
            Assert.Equal(cast.CompanyId, data["node"]!["company"]!["id"]!.GetValue<string>());
        }

        (await cast.CompanyUser.Client.SendAsync(Query, new { id })).ShouldFailWith("FORBIDDEN");
        (await cast.OtherCompanyUser.Client.SendAsync(Query, new { id })).ShouldFailWith("FORBIDDEN");
    }
}
