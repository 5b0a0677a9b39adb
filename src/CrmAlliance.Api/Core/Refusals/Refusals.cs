using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace CrmAlliance.Api.Core;

/// <summary>
/// Renders the core's refusals in a language: Danish for a Danish culture, English for any other (GraphQL passes
/// <see cref="CultureInfo.InvariantCulture"/>). Enum values appear only by their display names (<c>Enum.&lt;Type&gt;.&lt;Value&gt;</c>
/// in the same resources). English formats numbers and dates culture-invariantly (2026-03-31); Danish as da-DK (31. marts 2026).
/// </summary>
public static partial class Refusals
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da");

    /// <summary>The argument that names a workplace's P-number: repeated as it is (see <see cref="Describe(RefusalText, CultureInfo)"/>).</summary>
    public const string PNumberArg = "pNumber";

    private static readonly CultureInfo DanishFormats = CultureInfo.GetCultureInfo("da-DK");
    private static readonly ResourceManager Texts = new(typeof(RefusalTexts));

    /// <summary>The whole refusal: every field's error of a validation error ("field: text; …"), a rule's text and details.</summary>
    public static string Describe(CrmException refusal, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal switch
        {
            ValidationException { Errors.Count: > 0 } validation
                => string.Join("; ", validation.Errors.Select(e => $"{e.Field}: {Describe(e, culture)}")),
            RuleViolationException { Details: { } details } rule => $"{Describe(rule.Text, culture)}. {Describe(details, culture)}",
            _ => Describe(refusal.Text, culture),
        };
    }

    /// <summary>One field's error, without the field's name (a page shows it beside the field).</summary>
    public static string Describe(FieldError error, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Describe(error.Text, culture);
    }

    public static string Describe(RefusalText text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var language = LanguageOf(culture);
        var template = Texts.GetString(text.Key, language);
        if (template is null)
        {
            // A key without a text is a bug the unit tests catch; still say what was refused rather than fail the request.
            return $"{text.Key}({string.Join(", ", text.Args.Select(a => $"{a.Name}={Format(a.Value, null, language)}"))})";
        }

        return Placeholder().Replace(template, match =>
        {
            var name = match.Groups["name"].Value;
            var arg = text.Args.FirstOrDefault(a => a.Name == name);
            var format = match.Groups["format"].Success ? match.Groups["format"].Value : null;
            if (arg.Name is null)
            {
                return match.Value;
            }

            // A refused value is repeated to its sender, but never a CPR-shaped number in it. A P-number is an
            // identifier the product stores (checked as such), and ten digits may look like a date.
            var formatted = Format(arg.Value, format, language);
            return arg.Value is string && arg.Name != PNumberArg ? CprNumbers.Mask(formatted) : formatted;
        });
    }

    /// <summary>The display name of an enum value in a language, never its C# name.</summary>
    public static string DisplayName(Enum value, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Texts.GetString(EnumKey(value), LanguageOf(culture)) ?? ConstantCase(value.ToString());
    }

    /// <summary>The resource key of an enum value's display name: <c>Enum.OfferKind.WageSubsidy</c>.</summary>
    public static string EnumKey(Enum value) => $"Enum.{value.GetType().Name}.{value}";

    /// <summary>The placeholders' names of a text, e.g. <c>{taken}</c> and <c>{start:yyyy}</c> give taken and start.</summary>
    public static IEnumerable<string> PlaceholdersOf(string template)
        => Placeholder().Matches(template).Select(m => m.Groups["name"].Value);

    /// <summary>Danish for a Danish culture, English for any other: the API's clients read English.</summary>
    public static CultureInfo LanguageOf(CultureInfo culture)
        => culture.TwoLetterISOLanguageName == Danish.TwoLetterISOLanguageName ? Danish : English;

    private static string Format(object? value, string? format, CultureInfo language)
    {
        var danish = language == Danish;
        var formats = danish ? DanishFormats : CultureInfo.InvariantCulture;
        return value switch
        {
            null => "",
            string s => s,
            RefusalText nested => Describe(nested, language),
            CrmException refusal => Describe(refusal, language),
            RefusalList list => Join(list, language),
            Enum e => DisplayName(e, language),
            DateOnly date => date.ToString(format ?? (danish ? "d. MMMM yyyy" : "yyyy-MM-dd"), formats),
            DateTimeOffset time => time.ToString(format ?? (danish ? "d. MMMM yyyy 'kl.' HH:mm" : "yyyy-MM-dd HH:mm zzz"), formats),
            IFormattable formattable => formattable.ToString(format, formats),
            _ => value.ToString() ?? "",
        };
    }

    private static string Join(RefusalList list, CultureInfo language)
    {
        var items = list.Items.Select(i => Format(i, null, language)).ToList();
        if (items.Count < 2)
        {
            return string.Concat(items);
        }

        var conjunction = Texts.GetString(list.All ? "List.And" : "List.Or", language);
        return $"{string.Join(", ", items[..^1])} {conjunction} {items[^1]}";
    }

    /// <summary>WageSubsidy → WAGE_SUBSIDY: the GraphQL name, for an enum value without a display name.</summary>
    private static string ConstantCase(string name) => WordStart().Replace(name, "_$1").ToUpperInvariant();

    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9]*)(?::(?<format>[^}]+))?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex WordStart();
}
