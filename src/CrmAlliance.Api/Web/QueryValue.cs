using System.Globalization;

namespace CrmAlliance.Api.Web;

/// <summary>
/// Numbers and ids a page reads from its query string, leniently: a link typed or tampered with (<c>?side=abc</c>,
/// <c>?side=99999999999</c>) shows the page's default instead of an error page. Pages take such values as text and
/// read them here, since Blazor fails the whole request on a query value it cannot convert.
/// </summary>
public static class QueryValue
{
    /// <summary>The highest page number a list accepts; beyond it the list shows its last (empty) page, not an overflow.</summary>
    public const int MaximumPage = 1_000_000;

    /// <summary>A page number of 1 or more (capped at <see cref="MaximumPage"/>), else null: the first page.</summary>
    public static int? Page(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.All(char.IsAsciiDigit))
        {
            return null;
        }

        // Digits too many for an int are a page far beyond the last.
        var page = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : MaximumPage;
        return page >= 1 ? Math.Min(page, MaximumPage) : null;
    }

    /// <summary>An id, else null.</summary>
    public static Guid? Id(string? text) => Guid.TryParse(text, CultureInfo.InvariantCulture, out var id) ? id : null;
}
