using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace CrmAlliance.Api.Infrastructure.Csv;

/// <summary>
/// How a value is written in a CSV cell for analysts' tools, in the invariant culture: dates <c>2026-03-01</c>,
/// instants in UTC <c>2026-03-01T08:30:00Z</c>, decimals with a point, booleans <c>true</c>/<c>false</c>, enum
/// values as the GraphQL API names them (<c>ORDINARY_JOB</c>), lists joined by <c>;</c>; text that Excel would
/// run as a formula is neutralised.
/// </summary>
public static class CsvCell
{
    private static readonly ConcurrentDictionary<Enum, string> EnumNames = new();

    /// <summary>A value as its cell text, before quoting.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        string text => NeutraliseFormula(text),
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        Guid id => id.ToString("D"),
        Enum member => EnumNames.GetOrAdd(member, m => ConstantCase(m.ToString())),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable list => string.Join(";", list.Cast<object?>().Select(Format)),
        _ => NeutraliseFormula(value.ToString() ?? ""),
    };

    /// <summary>
    /// Text a user typed (a company's name, a vacancy's title) is opened in Excel by managers: a cell that
    /// starts like a formula gets a leading apostrophe so it is shown, never run (OWASP "CSV injection").
    /// Only text is neutralised (a negative number stays a number), which is why CsvHelper's own
    /// injection option, which sees every field alike, is left off.
    /// </summary>
    public static string NeutraliseFormula(string text)
        => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary><c>OrdinaryJob</c> → <c>ORDINARY_JOB</c>, as GraphQL.NET names enum values.</summary>
    private static string ConstantCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(name[i]));
        }

        return text.ToString();
    }
}
