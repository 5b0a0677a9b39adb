using System.Globalization;
using CrmAlliance.Api.Infrastructure.Commands;

namespace CrmAlliance.DataGeneration;

/// <summary>What to generate: the same options always give the same rows, ids included.</summary>
/// <param name="Companies">Companies (partners and prospects) to create.</param>
/// <param name="Placements">Placements in total, spread over <paramref name="Years"/> years ending at <paramref name="Until"/> (a few planned just after it).</param>
/// <param name="Seed">The random seed.</param>
/// <param name="Until">The data set's "today": the last day of its history.</param>
/// <param name="Years">How many years of history end at <paramref name="Until"/>.</param>
public sealed record SeedOptions(int Companies, int Placements, int Seed, DateOnly Until, int Years)
{
    public const int MaxCompanies = 100_000;
    public const int MaxPlacements = 20_000_000;
    public const int MaxPlacementsPerCompany = 1_000;
    public const int MaxYears = 10;
    public const int DefaultCompanies = 500;
    public const int DefaultPlacements = 50_000;
    public const int DefaultSeed = 42;
    public const int DefaultYears = 5;

    public static readonly DateOnly EarliestUntil = new(2000, 1, 31);

    /// <summary>The first day of the history.</summary>
    public DateOnly From => Until.AddYears(-Years).AddDays(1);

    /// <summary>The last day of the previous month: the default <see cref="Until"/>, so that whole months are generated.</summary>
    public static DateOnly DefaultUntil(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddDays(-1);

    /// <summary>Each broken limit, as a sentence naming the option; empty when the options are usable.</summary>
    public IReadOnlyList<string> Problems(DateOnly today)
    {
        var problems = new List<string>();
        if (Companies is < 1 or > MaxCompanies)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--companies must be between 1 and {MaxCompanies:N0}; got {Companies:N0}."));
        }

        if (Placements is < 0 or > MaxPlacements)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--placements must be between 0 and {MaxPlacements:N0}; got {Placements:N0}."));
        }
        else if (Companies >= 1 && (long)Placements > (long)Companies * MaxPlacementsPerCompany)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--placements may be at most {MaxPlacementsPerCompany:N0} per company ({(long)Companies * MaxPlacementsPerCompany:N0} for {Companies:N0} companies): the ratio rule leaves no room for more; got {Placements:N0}."));
        }

        if (Years is < 1 or > MaxYears)
        {
            problems.Add($"--years must be between 1 and {MaxYears}; got {Years}.");
        }

        if (Until > today || Until < EarliestUntil)
        {
            problems.Add($"--until must be a day from {EarliestUntil:yyyy-MM-dd} to today ({today:yyyy-MM-dd}); got {Until:yyyy-MM-dd}.");
        }

        return problems;
    }

    /// <summary>Reads the command's options; a missing one takes its default, a malformed or out-of-range one is a usage error.</summary>
    public static SeedOptions Parse(CliArguments arguments, DateOnly today)
    {
        var parsed = arguments.Result;
        var errors = SeedCommandLine.Errors(parsed);
        if (errors.Count > 0)
        {
            throw new CliUsageException(string.Join(" ", errors));
        }

        var options = new SeedOptions(
            parsed.GetValue<int>(SeedCommandLine.CompaniesName),
            parsed.GetValue<int>(SeedCommandLine.PlacementsName),
            parsed.GetValue<int>(SeedCommandLine.SeedName),
            parsed.GetValue<DateOnly?>(SeedCommandLine.UntilName) ?? DefaultUntil(today),
            parsed.GetValue<int>(SeedCommandLine.YearsName));
        var problems = options.Problems(today);
        if (problems.Count > 0)
        {
            throw new CliUsageException(string.Join(" ", problems));
        }

        return options;
    }
}
