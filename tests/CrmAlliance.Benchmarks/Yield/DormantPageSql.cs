extern alias api;
using System.Globalization;
using api::CrmAlliance.Api.Core;
using api::CrmAlliance.Api.Features.Yield.ReadModel;
using Microsoft.Data.Sqlite;

namespace CrmAlliance.Benchmarks.Yield;

/// <summary>
/// The dormant list's first page paged in SQL on the read model, the alternative to the Api's list kept in memory
/// (<c>DormantPartnersQuery</c>): members of the year without a vacancy posted or a placement started or running in
/// its year cell, ordered never active first, then by the last active month up to the year's end (a correlated
/// look-up in the month cells, by the primary key), then by name and id. Every page must decide every member.
/// </summary>
internal static class DormantPageSql
{
    public static string Sqlite(int year, int first)
    {
        var period = ReportPeriod.Year(year);
        var (end, lastMonth, yearKey) = (period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ReportPeriod.MonthKey(period.LastMonth), ReportPeriod.MonthKey(period.FirstMonth));
        const string active = "(y.VacanciesPosted > 0 OR y.PlacementsStarted > 0 OR y.PlacementDays > 0)";
        var whole = $"y.CompanyId = m.CompanyId AND y.OfferKind = '{YieldCell.All}' AND y.TargetGroup = '{YieldCell.All}'";
        return $"""
            SELECT m.CompanyId, m.Name,
              (SELECT MAX(y.PeriodStart) FROM YieldCells y WHERE {whole} AND y.Grain = {(int)YieldGrain.Month} AND y.PeriodStart <= {lastMonth} AND {active}) AS LastActive
            FROM YieldCompanies m
            WHERE m.MembershipStatus IN ('Active', 'Paused') AND (m.JoinedOn IS NULL OR m.JoinedOn <= '{end}')
              AND NOT EXISTS (SELECT 1 FROM YieldCells y WHERE {whole} AND y.Grain = {(int)YieldGrain.Year} AND y.PeriodStart = {yearKey} AND {active})
            ORDER BY coalesce(LastActive, 0), m.Name, m.CompanyId
            LIMIT {first}
            """;
    }

    /// <summary>The page's company ids, on a read-only connection of its own.</summary>
    public static async Task<List<Guid>> PageAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }
}
