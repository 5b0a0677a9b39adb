using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Accounts;

/// <summary>Where a user's account stands; locked wins over invited.</summary>
public enum UserStatus
{
    /// <summary>Has a password and may sign in.</summary>
    Active,

    /// <summary>Invited, and has not yet set a password with the invitation's code (no password hash).</summary>
    Invited,

    /// <summary>Locked out, by an Admin or after failed sign-ins, whether or not the invitation was accepted.</summary>
    Locked,
}

public sealed record UserView(string Id, string Email, string DisplayName, Role Role, Guid? CompanyId, UserStatus Status)
{
    public bool IsLockedOut => Status == UserStatus.Locked;

    /// <summary>
    /// Locked while the lockout lasts; otherwise invited until the person sets a password: an invitation creates the
    /// account without one, and the reset flow its code leads to (the page, or <c>POST /auth/resetPassword</c>) sets it.
    /// </summary>
    public static UserStatus StatusOf(bool lockedOut, bool hasPassword)
        => lockedOut ? UserStatus.Locked : hasPassword ? UserStatus.Active : UserStatus.Invited;
}

/// <summary>Which users a list holds: one role, and/or a text found in the e-mail or the name.</summary>
public sealed record UserFilter(Role? Role = null, string? Search = null);

public enum UserSort
{
    Email,
    Name,
}

/// <summary>Reads of users: Admins see all; everyone sees themselves; staff see consultants' names.</summary>
public sealed class AccountQueries(CrmDbContext db, TimeProvider clock)
{
    public async Task<UserView?> MeAsync(Actor actor, CancellationToken cancellationToken)
        => (await LoadAsync(db.Users.Where(u => u.Id == actor.UserId), cancellationToken)).FirstOrDefault();

    public Task<Page<UserView>> ListAsync(Role? role, PageRequest page, Actor actor, CancellationToken cancellationToken)
        => ListAsync(new UserFilter(role), UserSort.Email, descending: false, page, actor, cancellationToken);

    /// <summary>Users for Admins, filtered, sorted (then by e-mail) and paged.</summary>
    public async Task<Page<UserView>> ListAsync(UserFilter filter, UserSort sort, bool descending, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Admin);
        page.Validate();
        var users = db.Users.AsNoTracking();
        if (filter.Role is { } r)
        {
            var roleName = r.ToString();
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(x => x.Id == ur.RoleId && x.Name == roleName)));
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // E-mails are compared by Identity's upper-cased form, so the letter case of the search does not matter.
            var text = filter.Search.Trim();
            var (name, email) = (TextSearch.ContainsPattern(text), TextSearch.ContainsPattern(text.ToUpperInvariant()));
            users = users.Where(u => EF.Functions.Like(u.DisplayName, name, TextSearch.Escape) || EF.Functions.Like(u.NormalizedEmail!, email, TextSearch.Escape));
        }

        users = (sort, descending) switch
        {
            (UserSort.Name, false) => users.OrderBy(u => u.DisplayName).ThenBy(u => u.Email),
            (UserSort.Name, true) => users.OrderByDescending(u => u.DisplayName).ThenBy(u => u.Email),
            (_, true) => users.OrderByDescending(u => u.Email),
            _ => users.OrderBy(u => u.Email),
        };

        var total = await users.CountAsync(cancellationToken);
        // LoadAsync's join does not keep the order: the page's ids do.
        var ids = await users.Skip(page.Offset).Take(page.Size).Select(u => u.Id).ToListAsync(cancellationToken);
        var loaded = (await LoadAsync(db.Users.Where(u => ids.Contains(u.Id)), cancellationToken)).DistinctBy(u => u.Id).ToDictionary(u => u.Id);
        return new Page<UserView>(ids.Select(id => loaded[id]).ToList(), total, page.Offset);
    }

    /// <summary>The consultants by name, for staff choosing one (a company's responsible consultant, a filter). Company users are refused.</summary>
    public async Task<IReadOnlyList<UserView>> ConsultantsAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Admin, Role.Consultant, Role.Manager);
        var roleName = nameof(Role.Consultant);
        var consultants = db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(x => x.Id == ur.RoleId && x.Name == roleName)));
        return (await LoadAsync(consultants, cancellationToken)).OrderBy(u => u.DisplayName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), false)).ToList();
    }

    public async Task<IReadOnlyDictionary<string, UserView>> GetByIdsAsync(IReadOnlyCollection<string> ids, Actor actor, CancellationToken cancellationToken)
    {
        if (actor.Role == Role.Company)
        {
            ids = ids.Where(id => id == actor.UserId).ToList();
        }

        return (await LoadAsync(db.Users.Where(u => ids.Contains(u.Id)), cancellationToken)).DistinctBy(u => u.Id).ToDictionary(u => u.Id);
    }

    private async Task<List<UserView>> LoadAsync(IQueryable<ApplicationUser> users, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await (from u in users
                          from ur in db.UserRoles.Where(ur => ur.UserId == u.Id).DefaultIfEmpty()
                          from r in db.Roles.Where(r => ur != null && r.Id == ur.RoleId).DefaultIfEmpty()
                          select new { u.Id, u.Email, u.DisplayName, RoleName = r != null ? r.Name : null, u.CompanyId, u.LockoutEnd, HasPassword = u.PasswordHash != null })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows
            .Select(u => new UserView(u.Id, u.Email ?? "", u.DisplayName, Enum.TryParse<Role>(u.RoleName, out var role) ? role : Role.Company, u.CompanyId, UserView.StatusOf(u.LockoutEnd > now, u.HasPassword)))
            .ToList();
    }
}
