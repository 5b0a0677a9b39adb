using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Web.Layout;

/// <summary>The main menu each role sees. Later slices add their pages here.</summary>
public static class RoleNavigation
{
    public sealed record Item(string Href, string TextKey);

    private static readonly Item Start = new("/", "Nav.Start");

    private static readonly Item Companies = new("/virksomheder", "Companies.Nav");

    private static readonly Item Candidates = new("/kandidater", "Candidates.Nav");

    private static readonly Item Monitoring = new("/reports/monitoring.html", "Nav.MonitoringReport");

    public static IReadOnlyList<Item> For(Role role) => role switch
    {
        // The printable monitoring report already exists (Yield/Monitoring); managers and admins may read it.
        Role.Admin => [Start, Companies, Candidates, new("/ledelse", "Dashboard.Nav"), Monitoring, new("/admin/brugere", "Admin.Nav.Users"), new("/admin/bus", "Admin.Nav.Bus"), new("/admin/revisionsspor", "Admin.Nav.Audit"), new("/admin/indsigt", "Retention.Access.Nav")],
        Role.Manager => [Start, Companies, Candidates, new("/ledelse", "Dashboard.Nav"), Monitoring],
        Role.Consultant => [Start, Companies, Candidates],
        Role.Company => [Start, new("/virksomhed/opslag", "Portal.Nav.Vacancies"), new("/virksomhed/forloeb", "Portal.Nav.Placements"), new("/virksomhed/bidrag", "Portal.Nav.Yield"), new("/virksomhed/kontaktpersoner", "Portal.Nav.Contacts")],
        _ => [Start],
    };
}
