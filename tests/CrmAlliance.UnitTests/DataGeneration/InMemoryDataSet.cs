using System.Security.Cryptography;
using System.Text.Json;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.ContactLogs;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Features.Pledges;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.DataGeneration;

namespace CrmAlliance.UnitTests.DataGeneration;

/// <summary>A synthetic data set generated into lists instead of a database, in the order the rows were written.</summary>
public sealed class InMemoryDataSet : ISeedSink
{
    public static readonly ReferenceCatalog Catalog = new();

    private InMemoryDataSet(SeedOptions options) => Options = options;

    public SeedOptions Options { get; }

    public List<object> Rows { get; } = [];

    public SeedStatistics Statistics { get; private set; } = new();

    public IEnumerable<Company> Companies => Rows.OfType<Company>();

    public IEnumerable<Workplace> Workplaces => Rows.OfType<Workplace>();

    public IEnumerable<CompanyContact> Contacts => Rows.OfType<CompanyContact>();

    public IEnumerable<Pledge> Pledges => Rows.OfType<Pledge>();

    public IEnumerable<ContactLog> ContactLogs => Rows.OfType<ContactLog>();

    public IEnumerable<Vacancy> Vacancies => Rows.OfType<Vacancy>();

    public IEnumerable<Candidate> Candidates => Rows.OfType<Candidate>();

    public IEnumerable<Placement> Placements => Rows.OfType<Placement>();

    public IEnumerable<RuleExemption> Exemptions => Rows.OfType<RuleExemption>();

    public IEnumerable<Outcome> Outcomes => Rows.OfType<Outcome>();

    public static async Task<InMemoryDataSet> GenerateAsync(SeedOptions options, PlacementRulesOptions? rules = null)
    {
        var set = new InMemoryDataSet(options);
        set.Statistics = await SyntheticDataSet.WriteAsync(options, Catalog, rules ?? new PlacementRulesOptions(), "consultant-role", set, new NoProgress(), CancellationToken.None);
        return set;
    }

    public ValueTask AddAsync(object row, CancellationToken cancellationToken)
    {
        Rows.Add(row);
        return ValueTask.CompletedTask;
    }

    /// <summary>A hash of every row's every value, in order.</summary>
    public string ContentHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var row in Rows)
        {
            hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(row, row.GetType()));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private sealed class NoProgress : ISeedProgress
    {
        public void PhaseStarted(string phase, long total)
        {
        }

        public void Advanced(long count)
        {
        }

        public void PhaseCompleted()
        {
        }

        public void RowsWritten(string table, long rowsWritten)
        {
        }
    }
}

/// <summary>200 companies and 5,000 placements over five years, generated once for all tests that read them.</summary>
public sealed class SmallDataSet
{
    public static readonly SeedOptions Options = new(200, 5_000, 42, new DateOnly(2026, 6, 30), 5);

    public InMemoryDataSet Data { get; } = InMemoryDataSet.GenerateAsync(Options).GetAwaiter().GetResult();
}
