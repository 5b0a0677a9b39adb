using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Retention;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CrmAlliance.IntegrationTests.Retention;

/// <summary>Runs the retention work as the daily job would on a later day, and reads what the database holds afterwards.</summary>
public static class RetentionDriver
{
    /// <summary>
    /// Runs the erasure on the day when withdrawals and placement ends up to <paramref name="dueThrough"/> are due (that day
    /// plus the configured 5 years), with the host's own services but that day's clock.
    /// </summary>
    public static async Task<RetentionRunResult> EraseAsOfAsync(this CrmApiFactory factory, DateOnly dueThrough, bool dryRun = false)
    {
        var clock = new FakeTimeProvider(DanishCalendar.StartOf(dueThrough.AddYears(5)).AddHours(12));
        await using var scope = factory.Services.CreateAsyncScope();
        var handler = ActivatorUtilities.CreateInstance<EraseExpiredCandidatesHandler>(scope.ServiceProvider, (TimeProvider)clock);
        return await handler.RunAsync("test", dryRun, CancellationToken.None);
    }

    /// <summary>Every "table.column" of the database whose text holds <paramref name="needle"/> (ASCII letters compared without case).</summary>
    public static async Task<List<string>> ColumnsHoldingAsync(this CrmApiFactory factory, string needle)
    {
        await using var db = factory.NewDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var found = new List<string>();
        foreach (var table in tables)
        {
            var columns = new List<string>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    columns.Add(reader.GetString(0));
                }
            }

            foreach (var column in columns)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE instr(lower(CAST(\"{column}\" AS TEXT)), lower($needle)) > 0";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "$needle";
                parameter.Value = needle;
                command.Parameters.Add(parameter);
                if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    found.Add($"{table}.{column}");
                }
            }
        }

        return found;
    }

    /// <summary>Moves a candidate's withdrawal <paramref name="years"/> back, so that the real clock finds them due.</summary>
    public static async Task WithdrawYearsAgoAsync(this CrmApiFactory factory, Guid candidateId, int years)
    {
        await using var db = factory.NewDbContext();
        var candidate = await db.Candidates.SingleAsync(c => c.Id == candidateId);
        candidate.WithdrawnAt = DateTimeOffset.UtcNow.AddYears(-years);
        candidate.WithdrawalReason = "Flyttet til Aarhus.";
        await db.SaveChangesAsync();
    }
}
