using System.Globalization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.Reports;

namespace CrmAlliance.Api.Features.Yield.Pages;

/// <summary>
/// How the dashboard writes figures and names: numbers in da-DK (the page's culture in either language), enum values
/// by their display names (Refusals.DisplayName), and its addresses with the query string that keeps the choices.
/// </summary>
public static class DashboardFormat
{
    public static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Amount(double value, int decimals = 1) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);

    /// <summary>A share as a percentage with one decimal, or a dash when there is nothing to take a share of.</summary>
    public static string Percent(double? share) => share is { } s ? s.ToString("P1", CultureInfo.CurrentCulture) : "–";

    /// <summary>A rate with its counts: "45,0 % (9/20)".</summary>
    public static string Rate(YieldRate rate) => rate.Rate is null ? "–" : $"{Percent(rate.Rate)} ({Count(rate.Count)}/{Count(rate.Base)})";

    /// <summary>An enum value's display name in the user's language, starting with a capital letter as a table cell does.</summary>
    public static string Name(Enum value)
    {
        var name = Refusals.DisplayName(value, CultureInfo.CurrentUICulture);
        return name.Length == 0 ? name : char.ToUpper(name[0], CultureInfo.CurrentUICulture) + name[1..];
    }

    /// <summary>Parses an enum value from the query string; null when absent or unknown.</summary>
    public static T? Parse<T>(string? text)
        where T : struct, Enum
        => Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;

    /// <summary>A path with the non-empty query parameters, in the order given.</summary>
    public static string Url(string path, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        var query = string.Join("&", parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
        return query.Length == 0 ? path : path + "?" + query;
    }
}
