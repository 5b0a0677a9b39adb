using Microsoft.AspNetCore.Identity;

namespace CrmAlliance.Api.Features.Accounts;

/// <summary>A signed-in person. Company users belong to exactly one company.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public Guid? CompanyId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The web UI's language the user chose (<see cref="UiLanguages"/>); null until they choose: Danish.</summary>
    public string? UiLanguage { get; set; }
}
