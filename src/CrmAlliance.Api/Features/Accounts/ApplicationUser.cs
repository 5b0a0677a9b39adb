using Microsoft.AspNetCore.Identity;

namespace CrmAlliance.Api.Features.Accounts;

/// <summary>A signed-in person. Company users belong to exactly one company.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public Guid? CompanyId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
