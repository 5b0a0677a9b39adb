using System.Runtime.CompilerServices;

namespace CrmAlliance.BrowserTests;

/// <summary>
/// Debian's Chromium (apt-get install chromium; .ci/run installs it). Never a browser download: Playwright is launched
/// with this executable. CRM_TEST_CHROMIUM names another one.
/// </summary>
public static class Chromium
{
    public const string Variable = "CRM_TEST_CHROMIUM";

    private static readonly string[] DebianPaths = ["/usr/bin/chromium", "/usr/lib/chromium/chromium"];

    public static string? ExecutablePath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return File.Exists(configured) ? configured : null;
            }

            return DebianPaths.FirstOrDefault(File.Exists);
        }
    }

    public static string? MissingReason()
    {
        if (ExecutablePath is not null)
        {
            return null;
        }

        var configured = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrWhiteSpace(configured)
            ? $"no Chromium at {string.Join(" or ", DebianPaths)} (apt-get install chromium, or set {Variable})"
            : $"{Variable}={configured} does not exist";
    }
}

/// <summary>
/// A test that needs a browser; skipped with the reason where there is none (never in CI). The reason is also put into
/// the skipped test's name, because <c>dotnet test</c>'s default output lists skipped tests by name only.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute([CallerMemberName] string test = "")
    {
        Skip = Chromium.MissingReason();
        if (Skip is not null)
        {
            DisplayName = $"{test} (skipped: {Skip})";
        }
    }
}
