using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Accounts;

public sealed record SetUserRoleInput(string UserId, Role Role, Guid? CompanyId = null);

/// <summary>
/// Admins move a user to another role (a user has exactly one). A Company user names their company.
/// An Admin cannot change their own role, so there is always an Admin left to undo a mistake.
/// </summary>
public sealed class SetUserRoleHandler(UserManager<ApplicationUser> users, CrmDbContext db, AccountQueries queries)
{
    /// <summary>Who may move users between roles; the user page asks before it shows its form.</summary>
    public static void Authorize(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Require(Role.Admin);
    }

    public async Task<UserView> HandleAsync(SetUserRoleInput input, Actor actor, CancellationToken cancellationToken)
    {
        Authorize(actor);
        new Validator()
            .Check(input.UserId != actor.UserId, "userId", RefusalText.Of("Accounts.CannotChangeOwnRole"))
            .Check(input.Role != Role.Company || input.CompanyId is not null, "companyId", RefusalText.Of("Accounts.CompanyRequired"))
            .Check(input.Role == Role.Company || input.CompanyId is null, "companyId", RefusalText.Of("Accounts.CompanyOnlyForCompanyUsers"))
            .ThrowIfInvalid();
        var user = await users.FindByIdAsync(input.UserId) ?? throw new NotFoundException("User", input.UserId, "input.userId");
        if (input.CompanyId is { } companyId && !await db.Companies.AnyAsync(c => c.Id == companyId, cancellationToken))
        {
            throw new NotFoundException("Company", companyId, "input.companyId");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, input.Role.ToString()) : removed;
        if (!added.Succeeded)
        {
            throw new ValidationException(added.Errors.Select(e => new FieldError("role", RefusalText.Verbatim(e.Description))
).ToList());
        }

        user.CompanyId = input.CompanyId;
        await users.UpdateAsync(user);
        // A new stamp signs the user out of cookie sessions that still carry the old role.
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return (await queries.GetByIdsAsync([user.Id], actor, cancellationToken))[user.Id];
    }
}
