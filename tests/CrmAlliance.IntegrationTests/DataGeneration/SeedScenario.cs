using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.DataGeneration;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.DataGeneration;

/// <summary>Seeding a test database through the generator the seed command uses, and reading raw tables back.</summary>
public static class SeedScenario
{
    /// <summary>The tables the seed writes.</summary>
    public static readonly string[] Tables =
        ["Companies", "Workplaces", "CompanyContacts", "Pledges", "ContactLogs", "Vacancies", "Candidates", "Placements", "RuleExemptions", "Outcomes"];

    public static async Task<SeedResult> SeedAsync(this CrmApiFactory factory, SeedOptions options, ISeedProgress? progress = null, CancellationToken cancellationToken = default)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await ActivatorUtilities.GetServiceOrCreateInstance<SyntheticDataGenerator>(scope.ServiceProvider).GenerateAsync(options, progress ?? new SilentProgress(), cancellationToken);
    }

    /// <summary>A hash of every row of every generated table (seeded users and their roles included, by role name), to compare databases.</summary>
    public static async Task<Dictionary<string, string>> ContentHashesAsync(CrmDbContext db)
    {
        var queries = Tables.ToDictionary(t => t, t => $"SELECT * FROM \"{t}\" ORDER BY \"Id\"");
        queries["AspNetUsers"] = $"SELECT * FROM \"AspNetUsers\" WHERE \"Email\" LIKE '%@{CompanyBuilder.ConsultantDomain}' ORDER BY \"Id\"";
        queries["AspNetUserRoles"] = "SELECT ur.\"UserId\", r.\"Name\" FROM \"AspNetUserRoles\" ur JOIN \"AspNetRoles\" r ON r.\"Id\" = ur.\"RoleId\" JOIN \"AspNetUsers\" u ON u.\"Id\" = ur.\"UserId\" "
            + $"WHERE u.\"Email\" LIKE '%@{CompanyBuilder.ConsultantDomain}' ORDER BY ur.\"UserId\"";
        var hashes = new Dictionary<string, string>();
        foreach (var (table, sql) in queries)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var rows = 0;
            foreach (var row in await RawRowsAsync(db, sql))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(row));
                rows++;
            }

            hashes[table] = $"{rows} rows, {Convert.ToHexString(hash.GetHashAndReset())[..16]}";
        }

        return hashes;
    }

    /// <summary>Each row as text: every column with the type SQLite stored it as.</summary>
    public static async Task<List<string>> RawRowsAsync(CrmDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetValue(i).GetType().Name}:{Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}")));
        }

        return rows;
    }

    public static async Task<long> ScalarAsync(CrmDbContext db, string sql)
        => long.Parse((await RawRowsAsync(db, sql)).Single().Split(':', 2)[1], CultureInfo.InvariantCulture);

    public static async Task<string> TextAsync(CrmDbContext db, string sql) => (await RawRowsAsync(db, sql)).Single().Split(':', 2)[1];

    /// <summary>Rows in each generated table.</summary>
    public static async Task<Dictionary<string, long>> CountsAsync(CrmDbContext db)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables)
        {
            counts[table] = await ScalarAsync(db, $"SELECT COUNT(*) FROM \"{table}\"");
        }

        counts["SeededUsers"] = await ScalarAsync(db, $"SELECT COUNT(*) FROM \"AspNetUsers\" WHERE \"Email\" LIKE '%@{CompanyBuilder.ConsultantDomain}'");
        return counts;
    }

    /// <summary>The names of the database's own (not automatic) indexes.</summary>
    public static async Task<List<string>> IndexNamesAsync(CrmDbContext db)
        => (await RawRowsAsync(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")).Select(r => r.Split(':', 2)[1]).ToList();

    public sealed class SilentProgress : ISeedProgress
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
