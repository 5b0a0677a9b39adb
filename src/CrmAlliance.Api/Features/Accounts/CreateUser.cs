using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Accounts.Email;
using CrmAlliance.Api.Features.Accounts.Passwords;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Accounts;

public sealed record CreateUserInput(string Email, string DisplayName, Role Role, string Password, Guid? CompanyId = null);

/// <summary>Admins create users in any role; a Company user must name its company.</summary>
public sealed class CreateUserHandler(UserManager<ApplicationUser> users, CrmDbContext db, TimeProvider clock)
{
    public async Task<UserView> HandleAsync(CreateUserInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Admin);
        var errors = new List<FieldError>(await PasswordPolicy.ErrorsAsync(users, input.Email, input.Password));
        var v = new Validator()
            .Check(System.Net.Mail.MailAddress.TryCreate(input.Email, out _), "email", RefusalText.Of("Core.NotAnEmail", ("value", input.Email)))
            .Text(input.DisplayName, "displayName")
            .Check(input.Role != Role.Company || input.CompanyId is not null, "companyId", RefusalText.Of("Accounts.CompanyRequired"))
            .Check(input.Role == Role.Company || input.CompanyId is null, "companyId", RefusalText.Of("Accounts.CompanyOnlyForCompanyUsers"));
        errors.InsertRange(0, v.Errors);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        if (input.CompanyId is { } companyId && !await db.Companies.AnyAsync(c => c.Id == companyId, cancellationToken))
        {
            throw new NotFoundException("Company", companyId, "input.companyId");
        }

        return await AccountWriter.CreateAsync(users, db, input.Email, input.DisplayName, input.Role, input.CompanyId, input.Password, clock, cancellationToken);
    }
}

public sealed record InviteCompanyUserInput(Guid CompanyId, string Email, string DisplayName);

/// <summary>
/// A consultant or an Admin invites a person at a company: the account is created without a password and an
/// invitation e-mail links to /nulstil-adgangskode with a code (also good for <c>POST /auth/resetPassword</c>), where the person sets one.
/// </summary>
public sealed class InviteCompanyUserHandler(UserManager<ApplicationUser> users, CrmDbContext db, IAccountEmailSender email, TimeProvider clock)
{
    /// <summary>Who may invite; the invitation page asks before it shows its form.</summary>
    public static void Authorize(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Role.Consultant, Role.Admin);
    }

    public async Task<UserView> HandleAsync(InviteCompanyUserInput input, Actor actor, CancellationToken cancellationToken)
    {
        Authorize(actor);
        new Validator()
            .Check(System.Net.Mail.MailAddress.TryCreate(input.Email, out _), "email", RefusalText.Of("Core.NotAnEmail", ("value", input.Email)))
            .Text(input.DisplayName, "displayName")
            .ThrowIfInvalid();
        if (!await db.Companies.AnyAsync(c => c.Id == input.CompanyId, cancellationToken))
        {
            throw new NotFoundException("Company", input.CompanyId, "input.companyId");
        }

        return await AccountWriter.InviteAsync(users, db, email, input.Email, input.DisplayName, Role.Company, input.CompanyId, clock, cancellationToken);
    }
}

/// <summary>The role is null when a form left it unchosen: refused as required, beside the other fields' problems.</summary>
public sealed record InviteStaffUserInput(string Email, string DisplayName, Role? Role);

/// <summary>
/// Admins invite jobcenter staff (consultants, managers, Admins) the way company users are invited: no password is
/// chosen for anyone; the person sets their own through the link the invitation e-mail carries.
/// </summary>
public sealed class InviteStaffUserHandler(UserManager<ApplicationUser> users, CrmDbContext db, IAccountEmailSender email, TimeProvider clock)
{
    /// <summary>Who may invite staff; the invitation page asks before it shows its form.</summary>
    public static void Authorize(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Role.Admin);
    }

    public async Task<UserView> HandleAsync(InviteStaffUserInput input, Actor actor, CancellationToken cancellationToken)
    {
        Authorize(actor);
        new Validator()
            .Check(System.Net.Mail.MailAddress.TryCreate(input.Email, out _), "email", RefusalText.Of("Core.NotAnEmail", ("value", input.Email)))
            .Text(input.DisplayName, "displayName")
            .Check(input.Role is not null, "role", RefusalText.Of("Core.Required"))
            .Check(input.Role != Role.Company, "role", RefusalText.Of("Accounts.StaffRoleOnly"))
            .ThrowIfInvalid();
        return await AccountWriter.InviteAsync(users, db, email, input.Email, input.DisplayName, input.Role!.Value, companyId: null, clock, cancellationToken);
    }
}

public sealed record SetUserLockedInput(string UserId, bool Locked);

/// <summary>Admins lock a user out (e.g. someone who left) or let them in again.</summary>
public sealed class SetUserLockedHandler(UserManager<ApplicationUser> users, AccountQueries queries)
{
    public async Task<UserView> HandleAsync(SetUserLockedInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Admin);
        if (input.UserId == actor.UserId && input.Locked)
        {
            throw new ValidationException("userId", RefusalText.Of("Accounts.CannotLockYourself"));
        }

        var user = await users.FindByIdAsync(input.UserId) ?? throw new NotFoundException("User", input.UserId, "input.userId");
        await users.SetLockoutEndDateAsync(user, input.Locked ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(user);
        return (await queries.GetByIdsAsync([user.Id], actor, cancellationToken))[user.Id];
    }
}

internal static class AccountWriter
{
    /// <summary>Creates the user and its role in one transaction, so a failure leaves no half-made account.</summary>
    public static async Task<UserView> CreateAsync(UserManager<ApplicationUser> users, CrmDbContext db, string email, string displayName, Role role, Guid? companyId, string? password, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new ConflictException(RefusalText.Of("Accounts.EmailTaken", ("email", email)), "input.email");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName.Trim(), CompanyId = companyId, CreatedAt = clock.GetUtcNow() };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        ThrowIfFailed(users, created, "email");
        ThrowIfFailed(users, await users.AddToRoleAsync(user, role.ToString()), "role");
        await transaction.CommitAsync(cancellationToken);
        return new UserView(user.Id, email, user.DisplayName, role, companyId, UserView.StatusOf(lockedOut: false, hasPassword: password is not null));
    }

    /// <summary>Creates the account without a password and e-mails the invitation with the code with which the person chooses one.</summary>
    public static async Task<UserView> InviteAsync(UserManager<ApplicationUser> users, CrmDbContext db, IAccountEmailSender email, string address, string displayName, Role role, Guid? companyId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var view = await CreateAsync(users, db, address, displayName, role, companyId, password: null, clock, cancellationToken);
        var user = await users.FindByIdAsync(view.Id) ?? throw new InvalidOperationException("The invited user was not stored.");
        var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        await email.SendInvitationCodeAsync(user, address, code);
        return view;
    }

    private static void ThrowIfFailed(UserManager<ApplicationUser> users, IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors
                .Select(e => PasswordPolicy.IsPasswordError(e) ? PasswordPolicy.ToFieldError(e, users.Options.Password) : new FieldError(field, RefusalText.Verbatim(e.Description)))
                .ToList());

        }
    }
}
