using System.Globalization;
using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Web;

/// <summary>
/// Dates and times as Danish users type them into plain text fields (one Tab stop each, unlike the browser's date
/// pickers): <c>15.03.2026</c>, <c>15-3-2026</c> or <c>2026-03-15</c>; <c>9:05</c>, <c>09.05</c>. Reading the input is
/// the page's job; whether the value is allowed is the core's.
/// </summary>
public static class DanishInput
{
    private static readonly string[] DateFormats = ["d.M.yyyy", "d-M-yyyy", "d/M/yyyy", "yyyy-M-d"];
    private static readonly string[] TimeFormats = ["H:mm", "H.mm", "HH:mm", "HH.mm", "%H"];

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, DanishCalendar.Zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static bool TryDate(string? text, out DateOnly date)
        => DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryTime(string? text, out TimeOnly time)
        => TimeOnly.TryParseExact(text?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>The instant of a Danish wall-clock date and time.</summary>
    public static DateTimeOffset Instant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, DanishCalendar.Zone.GetUtcOffset(local));
    }

    /// <summary>A number as Danes type it, <c>62,5</c> (a point is read as the decimal sign too: <c>62.5</c>); no thousands separators.</summary>
    public static bool TryDecimal(string? text, out decimal value)
    {
        var trimmed = text?.Trim().TrimEnd('%').Trim() ?? "";
        return decimal.TryParse(trimmed.Replace('.', ','), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.GetCultureInfo("da-DK"), out value);
    }
}
