using System.Globalization;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Data.Bulk;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.DataGeneration;

/// <summary>
/// The read model's rows, which the bulk writer inserts through SQLite's own API (<see cref="SqliteDirectInsert"/>),
/// are stored exactly as EF's SaveChanges stores them: same storage classes, same text for GUIDs, dates and names,
/// found again by EF's queries on their keys.
/// </summary>
public sealed class SqliteDirectInsertTests : IDisposable
{
    private static readonly string[] Keys = ["CompanyId", "PlacementId", "VacancyId", "ContactLogId", "PledgeId"];

    private readonly CrmApiFactory factory = new();

    [Fact]
    public async Task Read_model_rows_inserted_directly_are_stored_like_rows_saved_by_EF()
    {
        var (viaEf, viaBulk) = (Rows(), Rows());
        await using (var db = factory.NewDbContext())
        {
            db.AddRange(viaEf);
            await db.SaveChangesAsync();
        }

        await using (var db = factory.NewDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            using var writer = new BulkWriter(db);
            var tables = viaBulk.Select(r => r.GetType()).Distinct().ToDictionary(t => t, t => TableFor(writer, t));
            foreach (var type in tables.Keys)
            {
                var (_, _, columns) = BulkColumns.For(db.Model.FindEntityType(type)!);
                Assert.True(SqliteDirectInsert.Supports(columns), $"{type.Name} would not be inserted directly");
            }

            foreach (var row in viaBulk)
            {
                await tables[row.GetType()].AddAsync(row, CancellationToken.None);
            }

            await writer.FlushAsync(CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var check = factory.NewDbContext();
        foreach (var table in YieldTables)
        {
            var rows = await StoredRowsAsync(check, table);
            Assert.Equal(2, rows.Count);
            Assert.Equal(rows[0], rows[1]);
        }

        // Keys differ between the copies, so they are compared by EF finding each bulk row by its key.
        var company = (YieldCompany)viaBulk[0];
        Assert.Equivalent(company, await check.YieldCompanies.AsNoTracking().SingleAsync(c => c.CompanyId == company.CompanyId), strict: true);
        var placement = (YieldPlacementFact)viaBulk[1];
        Assert.Equivalent(placement, await check.YieldPlacementFacts.AsNoTracking().SingleAsync(f => f.PlacementId == placement.PlacementId && f.VacancyId == placement.VacancyId), strict: true);
        var cell = (YieldCell)viaBulk[^1];
        Assert.Equivalent(cell, await check.YieldCells.AsNoTracking().SingleAsync(c => c.CompanyId == cell.CompanyId && c.PeriodStart == cell.PeriodStart && c.OfferKind == cell.OfferKind), strict: true);
        Assert.Equal(1, await check.YieldPledgeFacts.CountAsync(p => p.PledgeId == ((YieldPledgeFact)viaBulk[4]).PledgeId && p.PeriodEnd == new DateOnly(2026, 12, 31)));
    }

    public void Dispose() => factory.Dispose();

    private static readonly string[] YieldTables = ["YieldCompanies", "YieldPlacementFacts", "YieldVacancyFacts", "YieldContactFacts", "YieldPledgeFacts", "YieldCells"];

    private static BulkTable TableFor(BulkWriter writer, Type type) => type.Name switch
    {
        nameof(YieldCompany) => writer.Table<YieldCompany>(),
        nameof(YieldPlacementFact) => writer.Table<YieldPlacementFact>(),
        nameof(YieldVacancyFact) => writer.Table<YieldVacancyFact>(),
        nameof(YieldContactFact) => writer.Table<YieldContactFact>(),
        nameof(YieldPledgeFact) => writer.Table<YieldPledgeFact>(),
        _ => writer.Table<YieldCell>(),
    };

    /// <summary>One row of each read-model table, with nulls, booleans both ways, dates, Danish letters and negative counts.</summary>
    private static List<object> Rows()
    {
        var company = Guid.NewGuid();
        return
        [
            new YieldCompany { CompanyId = company, Name = "Ærø Æblemost & Søn ApS", Cvr = "12345678", IndustryCode = "110700", IndustrySection = "C", OrdinaryEmployees = 17, MembershipStatus = "Active", JoinedOn = new DateOnly(2020, 2, 29), ResponsibleConsultantId = null, Version = 2 },
            new YieldPlacementFact { PlacementId = Guid.NewGuid(), CompanyId = company, VacancyId = Guid.NewGuid(), OfferKind = "WageSubsidy", TargetGroup = "NewGraduate", StartedOn = new DateOnly(2025, 12, 31), EndedOn = null, EndedEarly = true, EndResult = null, SelfSupporting1 = true, SelfSupporting3 = false, SelfSupporting6 = null, SelfSupporting12 = null, Version = 1 },
            new YieldVacancyFact { VacancyId = Guid.NewGuid(), CompanyId = company, OfferKind = "Internship", Positions = 3, PostedOn = new DateOnly(2026, 1, 1) },
            new YieldContactFact { ContactLogId = Guid.NewGuid(), CompanyId = company, OccurredOn = new DateOnly(2026, 3, 9), Version = 4 },
            new YieldPledgeFact { PledgeId = Guid.NewGuid(), CompanyId = company, PeriodStart = new DateOnly(2026, 1, 1), PeriodEnd = new DateOnly(2026, 12, 31), Internships = 2, FlexJobs = 1 },
            new YieldCell { CompanyId = company, Grain = YieldGrain.Month, PeriodStart = 202603, OfferKind = "Internship", TargetGroup = YieldCell.All, PlacementDays = 31, Contacts = -1, EndedEarly = 2, SelfSupporting12 = int.MaxValue, Version = 7 },
        ];
    }

    /// <summary>Every column but the keys, with the type SQLite stored it as and its text.</summary>
    private static async Task<List<string>> StoredRowsAsync(CrmDbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount)
                .Where(i => !Keys.Contains(reader.GetName(i)))
                .Select(i => $"{reader.GetName(i)}={reader.GetValue(i).GetType().Name}:{Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}")));
        }

        return rows;
    }
}
