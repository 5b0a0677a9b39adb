using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using CrmAlliance.Api.Core;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Documentation;

/// <summary>
/// Every refusal key the Api's source names has its texts: a missing key would show the key itself instead of a
/// sentence. Reads the source, since keys are strings (a few are completed at run time, e.g. <c>NotFound.</c> + entity).
/// The web UI's own texts (<c>Web/Text.resx</c>) share prefixes with refusals (<c>Companies.</c>); a key found there,
/// in both languages, counts too.
/// </summary>
public sealed partial class RefusalKeysTests
{
    [Fact]
    public void Every_key_named_in_the_source_has_a_Danish_and_an_English_text()
    {
        var texts = new ResourceManager(typeof(RefusalTexts));
        var webTexts = new ResourceManager(typeof(CrmAlliance.Api.Web.Text));
        var danish = Keys(texts, CultureInfo.InvariantCulture);
        var english = Keys(texts, Refusals.English);
        var webDanish = Keys(webTexts, CultureInfo.InvariantCulture);
        var webEnglish = Keys(webTexts, Refusals.English);
        var prefixes = danish.Select(k => k.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var source = Path.Combine(Snapshots.RepositoryRoot(), "src", "CrmAlliance.Api");

        var named = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .SelectMany(code => DottedLiteral().Matches(code).Select(m => m.Groups["key"].Value)
                .Concat(NotFound().Matches(code).Select(m => "NotFound." + m.Groups["entity"].Value)))
            .Where(key => prefixes.Contains(key.Split('.')[0]))
            .Distinct()
            .ToList();

        Assert.Contains("Placements.Ratio", named);
        Assert.Contains("NotFound.Vacancy", named);
        Assert.All(named, key =>
        {
            // A key completed at run time ("Candidates.Inactive." + what is refused) must begin some texts.
            Func<string, bool> matches = key.EndsWith('.') ? k => k.StartsWith(key, StringComparison.Ordinal) : k => k == key;
            var (da, en) = danish.Any(matches) || !webDanish.Any(matches) ? (danish, english) : (webDanish, webEnglish);
            Assert.True(da.Any(matches), $"{key} has no Danish text");
            Assert.True(en.Any(matches), $"{key} has no English text");
        });
    }

    private static List<string> Keys(ResourceManager texts, CultureInfo culture)
        => texts.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToList();

    [GeneratedRegex("\"(?<key>[A-Z][A-Za-z]+(?:\\.[A-Z][A-Za-z0-9]*)+\\.?)\"")]
    private static partial Regex DottedLiteral();

    [GeneratedRegex("new NotFoundException\\(\"(?<entity>[A-Za-z]+)\"")]
    private static partial Regex NotFound();
}
