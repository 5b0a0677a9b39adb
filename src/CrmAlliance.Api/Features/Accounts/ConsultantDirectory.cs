using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Accounts;

/// <summary>The users in the Consultant role, as Companies asks for them.</summary>
public sealed class ConsultantDirectory(CrmDbContext db) : IConsultantDirectory
{
    private static readonly string ConsultantRole = Role.Consultant.ToString();

    public Task<bool> IsConsultantAsync(string userId, CancellationToken cancellationToken)
        => (from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            where userRole.UserId == userId && role.Name == ConsultantRole
            select userRole).AnyAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> IdsByEmailAsync(IReadOnlyCollection<string> normalizedEmails, CancellationToken cancellationToken)
        => normalizedEmails.Count == 0
            ? new Dictionary<string, string>()
            : await (from u in db.Users
                     join ur in db.UserRoles on u.Id equals ur.UserId
                     join r in db.Roles on ur.RoleId equals r.Id
                     where r.Name == ConsultantRole && normalizedEmails.Contains(u.NormalizedEmail!)
                     select new { u.Id, u.NormalizedEmail }).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, cancellationToken);
}
