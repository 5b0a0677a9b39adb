using System.Globalization;
using System.Text.RegularExpressions;
using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Companies.Import;

/// <summary>
/// Reads the cell formats people produce in Excel, Danish or English: dates as 2026-03-01 or 01-03-2026,
/// decimals with a comma or a point, yes/no as ja/nej, sectors and statuses in either language.
/// Each returns false with a reason when the cell cannot be read.
/// </summary>
public static partial class CompanyImportValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d-M-yyyy", "d.M.yyyy", "d/M/yyyy"];
    private static readonly string[] MonthFormats = ["yyyy-MM", "M-yyyy", "M.yyyy", "M/yyyy"];

    /// <summary>CVR numbers are often written "DK 12 34 56 78"; the digits are what counts.</summary>
    public static string NormaliseIdentifier(string cell)
    {
        var text = cell.Replace(" ", "", StringComparison.Ordinal);
        return text.StartsWith("DK", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
    }

    public static bool TryDate(string cell, out DateOnly date, out RefusalText reason)
    {
        reason = RefusalText.Of("Import.NotADate", ("value", cell));
        return DateOnly.TryParseExact(cell, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>A month, as a date in it or as 2026-03 / 03-2026; returns its first day.</summary>
    public static bool TryMonth(string cell, out DateOnly month, out RefusalText reason)
    {
        reason = RefusalText.Of("Import.NotAMonth", ("value", cell));
        if (DateOnly.TryParseExact(cell, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(cell, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            month = new DateOnly(date.Year, date.Month, 1);
            return true;
        }

        month = default;
        return false;
    }

    public static bool TryWholeNumber(string cell, out int value, out RefusalText reason)
    {
        reason = RefusalText.Of("Import.NotAWholeNumber", ("value", cell));
        return int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A decimal with a Danish comma or a point ("12,5" or "12.5"), rounded to two places as stored.</summary>
    public static bool TryDecimal(string cell, out decimal value, out RefusalText reason)
    {
        reason = RefusalText.Of("Import.NotANumber", ("value", cell));
        value = 0;
        if (!DecimalShape().IsMatch(cell))
        {
            return false;
        }

        value = Math.Round(decimal.Parse(cell.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), 2, MidpointRounding.AwayFromZero);
        return true;
    }

    public static bool TryYesNo(string cell, out bool value, out RefusalText reason)
    {
        reason = RefusalText.Of("Companies.Import.NotYesNo", ("value", cell));
        switch (cell.ToUpperInvariant())
        {
            case "JA" or "YES" or "TRUE" or "1" or "X":
                value = true;
                return true;
            case "NEJ" or "NO" or "FALSE" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    public static bool TrySector(string cell, out Sector sector, out RefusalText reason)
    {
        reason = RefusalText.Of("Companies.Import.NotASector", ("value", cell));
        switch (cell.ToUpperInvariant())
        {
            case "PRIVAT" or "PRIVATE":
                sector = Sector.Private;
                return true;
            case "OFFENTLIG" or "PUBLIC":
                sector = Sector.Public;
                return true;
            default:
                sector = default;
                return false;
        }
    }

    public static bool TryMembershipStatus(string cell, out MembershipStatus status, out RefusalText reason)
    {
        reason = RefusalText.Of("Companies.Import.NotAMembershipStatus", ("value", cell));

        switch (cell.ToUpperInvariant())
        {
            case "EMNE" or "PROSPECT":
                status = MembershipStatus.Prospect;
                return true;
            case "AKTIV" or "ACTIVE":
                status = MembershipStatus.Active;
                return true;
            case "PAUSE" or "PÅ PAUSE" or "PAUSED":
                status = MembershipStatus.Paused;
                return true;
            case "UDMELDT" or "LEFT":
                status = MembershipStatus.Left;
                return true;
            default:
                status = default;
                return false;
        }
    }

    [GeneratedRegex(@"^\d{1,9}([.,]\d+)?$")]
    private static partial Regex DecimalShape();
}
