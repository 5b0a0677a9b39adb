using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Companies;

/// <summary>Answers whether a user id belongs to a consultant, for fields that name a responsible consultant.</summary>
public sealed class ConsultantDirectory(CrmDbContext db)
{
    public async Task CheckAsync(Validator v, string? userId, string field, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return;
        }

        var consultantRole = Role.Consultant.ToString();
        var isConsultant = await (from userRole in db.UserRoles
                                  join role in db.Roles on userRole.RoleId equals role.Id
                                  where userRole.UserId == userId && role.Name == consultantRole
                                  select userRole).AnyAsync(cancellationToken);
        v.Check(isConsultant, field, $"'{userId}' is not a consultant.");
    }
}
