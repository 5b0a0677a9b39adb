using System.Net;
using System.Net.Http.Json;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CrmAlliance.IntegrationTests.Accounts.SignIn;

/// <summary>
/// Measured before: right after an Admin moved a consultant to a company, the consultant's old cookie and bearer token
/// still wrote to another company. A role change or lock-out must bite within a minute on both, without waiting for
/// the token (an hour) or Identity's default cookie check (30 minutes) to expire.
/// </summary>
public sealed class SessionRevocationTests
{
    private const string SetRole = "mutation($input: SetUserRoleInput!) { setUserRole(input: $input) { id } }";
    private const string SetLocked = "mutation($input: SetUserLockedInput!) { setUserLocked(input: $input) { id } }";
    private const string AddContact = "mutation($input: SaveCompanyContactInput!) { saveCompanyContact(input: $input) { id } }";

    [Fact]
    public async Task A_consultant_moved_to_a_company_loses_the_consultant_rights_of_their_old_cookie_and_token_within_a_minute()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new CrmApiFactory(new Dictionary<string, string>(), services => services.AddSingleton<TimeProvider>(clock));
        var admin = await factory.SignInAsAdminAsync();
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var cookie = await SignInWithCookieAsync(factory, consultant.Email);
        var own = await consultant.Client.RegisterCompanyAsync("Egen Virksomhed ApS");
        var other = await consultant.Client.RegisterCompanyAsync("Anden Virksomhed ApS");
        await cookie.QueryAsync(AddContact, new { input = new { companyId = other, name = "Før Flytningen", isEmployeeRepresentative = false } });

        await admin.QueryAsync(SetRole, new { input = new { userId = consultant.Id, role = "COMPANY", companyId = own } });
        clock.Advance(TimeSpan.FromSeconds(61));
        var byToken = await consultant.Client.SendAsync(AddContact, new { input = new { companyId = other, name = "Med Gammelt Token", isEmployeeRepresentative = false } });
        var byCookie = await cookie.SendAsync(AddContact, new { input = new { companyId = other, name = "Med Gammel Cookie", isEmployeeRepresentative = false } });

        byToken.ShouldFailWith("UNAUTHENTICATED");
        Assert.Equal(HttpStatusCode.Unauthorized, byToken.Status);
        byCookie.ShouldFailWith("UNAUTHENTICATED");
        await using var db = factory.NewDbContext();
        Assert.DoesNotContain(db.CompanyContacts, c => c.Name.StartsWith("Med Gammel", StringComparison.Ordinal));
        var again = await factory.SignInAsync(consultant.Email, TestUsers.Password);
        (await again.SendAsync(AddContact, new { input = new { companyId = other, name = "Efter Flytningen", isEmployeeRepresentative = false } })).ShouldFailWith("FORBIDDEN");
    }

    [Fact]
    public async Task A_locked_out_user_is_signed_out_of_cookie_and_token_with_no_cached_grace_when_the_interval_is_zero()
    {
        using var factory = new CrmApiFactory(new Dictionary<string, string> { ["Identity:SecurityStampValidationInterval"] = "00:00:00" });
        var admin = await factory.SignInAsAdminAsync();
        var manager = await factory.CreateUserAsync("MANAGER");
        var cookie = await SignInWithCookieAsync(factory, manager.Email);
        await manager.Client.QueryAsync("{ me { role } }");
        await cookie.QueryAsync("{ me { role } }");

        await admin.QueryAsync(SetLocked, new { input = new { userId = manager.Id, locked = true } });

        (await manager.Client.SendAsync("{ me { role } }")).ShouldFailWith("UNAUTHENTICATED");
        (await cookie.SendAsync("{ me { role } }")).ShouldFailWith("UNAUTHENTICATED");
    }

    private static async Task<GraphQLClient> SignInWithCookieAsync(CrmApiFactory factory, string email)
    {
        var http = factory.CreateClient();
        using var response = await http.PostAsJsonAsync("/auth/login?useCookies=true", new { email, password = TestUsers.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new GraphQLClient(http);
    }
}
