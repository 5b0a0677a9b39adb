using System.Security.Claims;

namespace CrmAlliance.Api.Core;

/// <summary>The four roles of CrmAlliance. A user has exactly one.</summary>
public enum Role
{
    Admin,
    Consultant,
    Manager,
    Company,
}

/// <summary>Who is asking. Every handler and query in the core takes one and checks it.</summary>
public sealed record Actor(string UserId, string Email, Role Role, Guid? CompanyId)
{
    public const string CompanyIdClaim = "crm:company_id";

    public bool IsStaff => Role is Role.Admin or Role.Consultant or Role.Manager;

    /// <summary>Builds the actor from the signed-in principal; null when anonymous or without a known role.</summary>
    public static Actor? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var roleName = principal.FindFirstValue(ClaimTypes.Role);
        if (userId is null || !Enum.TryParse<Role>(roleName, out var role))
        {
            return null;
        }

        Guid? companyId = Guid.TryParse(principal.FindFirstValue(CompanyIdClaim), out var id) ? id : null;
        return new Actor(userId, principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity.Name ?? "", role, companyId);
    }

    /// <summary>Refuses unless the actor has one of the roles.</summary>
    public void Require(params Role[] roles)
    {
        if (!roles.Contains(Role))
        {
            throw new ForbiddenException(RefusalText.Of("Core.RoleMayNot", ("role", Role)));
        }
    }

    /// <summary>Staff may act on any company; a company user only on its own.</summary>
    public void RequireCompanyAccess(Guid companyId)
    {
        if (Role == Role.Company && CompanyId != companyId)
        {
            throw new ForbiddenException(RefusalText.Of("Core.OwnCompanyOnly"));

        }
    }
}
