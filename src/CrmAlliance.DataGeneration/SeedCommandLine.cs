using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Commands;

namespace CrmAlliance.DataGeneration;

/// <summary>
/// The generator's command line (System.CommandLine): its options with their defaults and help, the messages
/// for bad values, and the run from parsed arguments to exit code. Exit codes: 0 done (or help), 2 bad options
/// or a database that is not empty, 1 an after-seed step failed (the data stays), 130 interrupted.
/// </summary>
public static class SeedCommandLine
{
    public const string CompaniesName = "--companies";
    public const string PlacementsName = "--placements";
    public const string SeedName = "--seed";
    public const string UntilName = "--until";
    public const string YearsName = "--years";

    public const string Summary = "Fill an empty database with deterministic synthetic partners, vacancies, placements and outcomes, then rebuild the yield read model.";

    /// <summary>Configuration goes to the host as <c>--Section:Key=value</c>, like the Api's.</summary>
    private static readonly string[] ConfigurationLines =
    [
        "  --ConnectionStrings:Crm=\"Data Source=/tmp/big.db\"   the database to fill (it must have no companies; default: data/crmalliance.db at the repository root)",
        "  --Database:Provider=SqlServer                        with --ConnectionStrings:Crm=\"Server=…\": a SQL Server database instead of SQLite",
    ];

    private const string Example = "Example: dotnet run --project src/CrmAlliance.DataGeneration -- --companies 5000 --placements 1000000 --seed 42 --until 2026-10-31";

    /// <summary>The root command with the generator's options; it has no action of its own (<see cref="RunAsync"/> runs it).</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(string.Join(Environment.NewLine, [Summary, "", "Configuration (read like the Api's; not listed below):", .. ConfigurationLines, "", Example]))
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        foreach (var option in Options())
        {
            root.Options.Add(option);
        }

        return root;
    }

    /// <summary>The options, one per line as <c>--name N  description</c>, printed after a usage error.</summary>
    public static string Usage => string.Join(Environment.NewLine,
        [
            "Options:",
            .. Options().Select(o => $"  {o.Name} {o.HelpName}".PadRight(20) + o.Description),
            .. ConfigurationLines,
            "  --help            these options with their defaults",
            Example,
        ]);

    /// <summary>What is wrong with the command line, one sentence each: malformed values, unknown options and stray arguments.</summary>
    public static IReadOnlyList<string> Errors(ParseResult parsed)
    {
        var errors = parsed.Errors.Select(e => e.Message).ToList();
        var unknown = new List<string>();
        var stray = new List<string>();
        string? previous = null;
        foreach (var token in parsed.UnmatchedTokens)
        {
            if (token.StartsWith('-'))
            {
                unknown.Add(token.Split('=', 2)[0]);
            }
            else if (previous is null || !previous.StartsWith('-') || previous.Contains('=', StringComparison.Ordinal))
            {
                // A value right after an unknown option belongs to it.
                stray.Add(token);
            }

            previous = token;
        }

        if (unknown.Count > 0)
        {
            errors.Add($"Unknown option{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown)}.");
        }

        if (stray.Count > 0)
        {
            errors.Add($"Unexpected argument{(stray.Count > 1 ? "s" : "")}: {string.Join(", ", stray.Select(s => $"'{s}'"))}.");
        }

        return errors;
    }

    /// <summary>
    /// Reads the options from <paramref name="args"/> (configuration arguments already taken out). Prints help,
    /// or the problem and the usage, and returns the exit code (0, 2) when there is nothing to run.
    /// </summary>
    public static async Task<(int? ExitCode, SeedOptions? Options)> ParseAsync(IReadOnlyList<string> args, DateOnly today, TextWriter output)
    {
        var parsed = CreateRootCommand().Parse(args);
        if (parsed.Errors.Count == 0 && parsed.Action is HelpAction)
        {
            return (await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = output }), null);
        }

        try
        {
            return (null, SeedOptions.Parse(new CliArguments(parsed), today));
        }
        catch (CliUsageException e)
        {
            await output.WriteLineAsync($"seed: {e.Message}{Environment.NewLine}{Usage}");
            return (2, null);
        }
    }

    /// <summary>
    /// Reads the options and seeds with the <see cref="SeedCommand"/> built from <paramref name="services"/>
    /// (the Api's); Ctrl+C cancels the run.
    /// </summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        var (exitCode, options) = await ParseAsync(args, DanishCalendar.Today(services.GetService<TimeProvider>() ?? TimeProvider.System), output);
        if (exitCode is { } code)
        {
            return code;
        }

        return await CliCancellation.RunAsync("seed", output, token => ActivatorUtilities.GetServiceOrCreateInstance<SeedCommand>(services).RunAsync(options!, output, token));
    }

    private static Option[] Options() =>
    [
        WholeNumber(CompaniesName, SeedOptions.DefaultCompanies, $"companies to create (1 to {SeedOptions.MaxCompanies:N0}; default {SeedOptions.DefaultCompanies})"),
        WholeNumber(PlacementsName, SeedOptions.DefaultPlacements, $"placements in total (0 to {SeedOptions.MaxPlacements:N0}, at most {SeedOptions.MaxPlacementsPerCompany:N0} per company; default {SeedOptions.DefaultPlacements:N0})"),
        WholeNumber(SeedName, SeedOptions.DefaultSeed, $"random seed: the same options give the same rows, ids included (default {SeedOptions.DefaultSeed})"),
        new Option<DateOnly?>(UntilName)
        {
            HelpName = "DATE",
            Description = "last day of the history, yyyy-MM-dd (default: the last day of the previous month)",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    return day;
                }

                result.AddError($"{UntilName} must be a date written yyyy-MM-dd, not '{text}'.");
                return null;
            },
        },
        WholeNumber(YearsName, SeedOptions.DefaultYears, $"years of history ending at --until (1 to {SeedOptions.MaxYears}; default {SeedOptions.DefaultYears})"),
    ];

    /// <summary>A whole-number option; <c>_</c> may group digits (<c>1_000_000</c>).</summary>
    private static Option<int> WholeNumber(string name, int defaultValue, string description) => new(name)
    {
        HelpName = "N",
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (!long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                result.AddError($"{name} must be a whole number, not '{text}'.");
                return defaultValue;
            }

            if (value is < int.MinValue or > int.MaxValue)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be between {int.MinValue:N0} and {int.MaxValue:N0}; got {value:N0}."));
                return defaultValue;
            }

            return (int)value;
        },
    };
}

/// <summary>The generator's command line, parsed (<see cref="SeedOptions.Parse"/> reads it).</summary>
public sealed class CliArguments
{
    public CliArguments(IEnumerable<string> args) => Result = SeedCommandLine.CreateRootCommand().Parse(args.ToList());

    public CliArguments(ParseResult result) => Result = result;

    public ParseResult Result { get; }
}
