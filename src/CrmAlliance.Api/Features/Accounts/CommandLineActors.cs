using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Accounts;

/// <summary>
/// Who a command-line run acts as (<c>--as &lt;e-mail&gt;</c>): an existing user, not locked out, with the
/// role the user has in the web app. The command's core then checks that role exactly as for a request,
/// and records the user as the author of what it writes.
/// </summary>
public sealed class CommandLineActors(CrmDbContext db, TimeProvider clock)
{
    public async Task<Actor> ByEmailAsync(string email, CancellationToken cancellationToken)
    {
        // Identity's lookup key: the e-mail in upper case (UpperInvariantLookupNormalizer).
        var normalized = email.Trim().ToUpperInvariant();
        var user = await (from u in db.Users.AsNoTracking()
                          where u.NormalizedEmail == normalized
                          from ur in db.UserRoles.Where(ur => ur.UserId == u.Id).DefaultIfEmpty()
                          from r in db.Roles.Where(r => ur != null && r.Id == ur.RoleId).DefaultIfEmpty()
                          select new { u.Id, u.Email, u.CompanyId, u.LockoutEnd, RoleName = r != null ? r.Name : null })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("User", email.Trim(), "--as");
        if (user.LockoutEnd > clock.GetUtcNow())
        {
            throw new ForbiddenException(RefusalText.Of("Accounts.LockedOut", ("email", user.Email)));
        }

        if (!Enum.TryParse<Role>(user.RoleName, out var role))
        {
            throw new ForbiddenException(RefusalText.Of("Accounts.NoRole", ("email", user.Email)));

        }

        return new Actor(user.Id, user.Email ?? email, role, user.CompanyId);
    }
}
