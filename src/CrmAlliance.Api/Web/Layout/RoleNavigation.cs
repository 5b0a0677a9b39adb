using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Web.Layout;

/// <summary>The main menu each role sees. Later slices add their pages here.</summary>
public static class RoleNavigation
{
    public sealed record Item(string Href, string TextKey);

    private static readonly Item Start = new("/", "Nav.Start");

    private static readonly Item Companies = new("/virksomheder", "Companies.Nav");

    public static IReadOnlyList<Item> For(Role role) => role switch
    {
        // The printable monitoring report already exists (Yield/Monitoring); managers and admins may read it.
        Role.Manager or Role.Admin => [Start, Companies, new("/ledelse", "Dashboard.Nav"), new("/reports/monitoring.html", "Nav.MonitoringReport")],
        Role.Consultant => [Start, Companies],
        _ => [Start],
    };
}
