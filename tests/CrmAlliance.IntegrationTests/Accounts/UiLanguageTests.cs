using System.Security.Claims;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Accounts;

/// <summary>The web UI's language is the user's own choice, kept on their account and carried by their sign-in.</summary>
public sealed class UiLanguageTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task A_user_chooses_English_for_themselves_and_their_next_sign_in_carries_it()
    {
        var actor = await NewUserAsync(Role.Manager);

        await SetAsync(actor, UiLanguages.English);

        var principal = await PrincipalAsync(actor.UserId);
        Assert.Equal(UiLanguages.English, principal.FindFirstValue(UiLanguages.Claim));
        await SetAsync(actor, UiLanguages.Danish);
        Assert.Equal(UiLanguages.Danish, (await PrincipalAsync(actor.UserId)).FindFirstValue(UiLanguages.Claim));
    }

    [Fact]
    public async Task Until_a_user_chooses_their_sign_in_names_no_language()
    {
        var actor = await NewUserAsync(Role.Consultant);

        Assert.Null((await PrincipalAsync(actor.UserId)).FindFirst(UiLanguages.Claim));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("EN")]
    [InlineData("")]
    public async Task An_unknown_language_is_refused_and_nothing_is_stored(string language)
    {
        var actor = await NewUserAsync(Role.Consultant);

        var refusal = await Assert.ThrowsAsync<ValidationException>(() => SetAsync(actor, language));

        Assert.Equal("language", Assert.Single(refusal.Errors).Field);
        Assert.Equal("Accounts.UnknownLanguage", refusal.Errors[0].Text.Key);
        Assert.Null((await PrincipalAsync(actor.UserId)).FindFirst(UiLanguages.Claim));
    }

    private async Task<Actor> NewUserAsync(Role role)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync(CrmApiFactory.AdminEmail);
        var email = $"language-{Guid.NewGuid():N}@test.local";
        var created = await scope.ServiceProvider.GetRequiredService<CreateUserHandler>().HandleAsync(
            new CreateUserInput(email, "Sprog Test", role, TestUsers.Password), new Actor(admin!.Id, CrmApiFactory.AdminEmail, Role.Admin, null), CancellationToken.None);
        return new Actor(created.Id, email, role, null);
    }

    private async Task SetAsync(Actor actor, string language)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SetUiLanguageHandler>().HandleAsync(new SetUiLanguageInput(language), actor, CancellationToken.None);
    }

    /// <summary>The principal a sign-in would carry now, made by the same factory the sign-in uses.</summary>
    private async Task<ClaimsPrincipal> PrincipalAsync(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user!);
    }
}
