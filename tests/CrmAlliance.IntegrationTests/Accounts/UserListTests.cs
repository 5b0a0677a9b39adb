using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Accounts;

/// <summary>The Admins' user list behind /admin/brugere: found by a piece of the e-mail or the name in any letter case, sorted, paged.</summary>
public sealed class UserListTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task A_search_finds_users_by_e_mail_or_name_in_any_letter_case_sorted_by_name_and_paged()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var admin = await AdminAsync();
        await CreateAsync($"birte-{tag}@example.dk", "Birte Borg");
        await CreateAsync($"anders-{tag}@example.dk", "Anders And");
        await CreateAsync($"carl@{tag}.example.dk", "Carl Clausen");
        await CreateAsync($"someone-else-{Guid.NewGuid():N}@example.dk", $"Dorte {tag.ToUpperInvariant()}");

        var byEmail = await ListAsync(admin, new UserFilter(Search: tag.ToUpperInvariant()), UserSort.Email, descending: false, new PageRequest(10));
        var byNameDescending = await ListAsync(admin, new UserFilter(Search: tag), UserSort.Name, descending: true, new PageRequest(2));
        var secondPage = await ListAsync(admin, new UserFilter(Search: tag), UserSort.Name, descending: true, new PageRequest(2, Cursor.Encode(1)));
        var byName = await ListAsync(admin, new UserFilter(Search: "birte b"), UserSort.Email, descending: false, new PageRequest(10));

        Assert.Equal([$"anders-{tag}@example.dk", $"birte-{tag}@example.dk", $"carl@{tag}.example.dk"], byEmail.Items.Take(3).Select(u => u.Email));
        Assert.Equal(4, byEmail.TotalCount);
        Assert.Equal(["Dorte " + tag.ToUpperInvariant(), "Carl Clausen"], byNameDescending.Items.Select(u => u.DisplayName));
        Assert.Equal(["Birte Borg", "Anders And"], secondPage.Items.Select(u => u.DisplayName));
        Assert.Equal(Role.Manager, Assert.Single(byName.Items, u => u.Email.Contains(tag, StringComparison.Ordinal)).Role);
    }

    [Fact]
    public async Task Anyone_but_an_Admin_is_refused()
    {
        var consultant = new Actor(Guid.NewGuid().ToString(), "c@test.local", Role.Consultant, null);

        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() => ListAsync(consultant, new UserFilter(), UserSort.Email, descending: false, new PageRequest()));

        Assert.Equal("Core.RoleMayNot", refusal.Text.Key);
    }

    private async Task<Actor> AdminAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync(CrmApiFactory.AdminEmail);
        return new Actor(admin!.Id, CrmApiFactory.AdminEmail, Role.Admin, null);
    }

    private async Task CreateAsync(string email, string displayName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CreateUserHandler>().HandleAsync(
            new CreateUserInput(email, displayName, Role.Manager, TestUsers.Password), await AdminAsync(), CancellationToken.None);
    }

    private async Task<Page<UserView>> ListAsync(Actor actor, UserFilter filter, UserSort sort, bool descending, PageRequest page)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountQueries>().ListAsync(filter, sort, descending, page, actor, CancellationToken.None);
    }
}
