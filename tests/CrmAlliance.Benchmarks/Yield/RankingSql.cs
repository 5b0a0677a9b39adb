extern alias api;
using System.Globalization;
using api::CrmAlliance.Api.Core;
using api::CrmAlliance.Api.Features.Yield;

namespace CrmAlliance.Benchmarks.Yield;

/// <summary>One company's place in a baseline ranking: its score in hundredths, exact (integer arithmetic).</summary>
public sealed record BaselineRow(Guid CompanyId, string Name, long ScoreCents)
{
    public double Score => ScoreCents / 100.0;
}

/// <summary>
/// The year ranking as ONE set-based SQL query over the raw tables (vacancies, placements, candidates, outcomes,
/// workplaces, companies), with the read model's definition (as <see cref="RawTableRanking"/> computes it): positions
/// offered in vacancies published in the year, placements started in it and those of candidates far from the labour
/// market, placement days inside the year (running ones through the day the read model books through), placements
/// ended in the year with a work-or-education end result or self-supporting 6 months after, ordinary employees of all
/// workplaces, members active or paused who joined by the year's end. The score is computed exactly: every weight
/// times 70 is a whole number (a placement-week weighs 0.1 per 7 days), so the weighted sum is Units / 70 and the
/// published score, rounded half away from zero to two decimals, is an integer division — no binary fractions, so
/// the scores and their ties are the read model's. Written for SQLite and DuckDB (dates and integer division differ).
/// </summary>
public static class RankingSql
{
    /// <summary>The read model's weights as whole multiples of 1/70 (0.5 → 35); refuses weights that are not.</summary>
    public static (long Position, long Started, long Day, long Far, long Work, long SelfSupporting6) UnitsPerCount(YieldOptions options)
    {
        static long Whole(double weight, int per)
        {
            var units = (decimal)weight * 70 / per;
            return units == decimal.Truncate(units) ? (long)units : throw new InvalidOperationException($"Weight {weight} is not a whole multiple of 1/70: the baseline SQL cannot score it exactly.");
        }

        var w = options.Score;
        return (Whole(w.PerPositionOffered, 1), Whole(w.PerPlacementStarted, 1), Whole(w.PerPlacementWeek, 7), Whole(w.PerFarFromMarketPlacement, 1), Whole(w.PerOrdinaryWorkOrEducation, 1), Whole(w.PerSelfSupportingAfter6Months, 1));
    }

    public static string Sqlite(YieldOptions options, int year, DateOnly bookedThrough, int first)
        => Build(options, year, bookedThrough, first, duck: false);

    public static string DuckDb(YieldOptions options, int year, DateOnly bookedThrough, int first)
        => Build(options, year, bookedThrough, first, duck: true);

    private static string Build(YieldOptions options, int year, DateOnly bookedThrough, int first, bool duck)
    {
        var period = ReportPeriod.Year(year);
        var (from, to) = (DanishCalendar.StartOf(period.Start).UtcTicks, DanishCalendar.StartOf(period.End.AddDays(1)).UtcTicks);
        var (start, end, booked) = (Date(period.Start, duck), Date(period.End, duck), Date(bookedThrough, duck));
        var far = string.Join(", ", options.FarFromMarketGroups.Select(g => $"'{g}'"));
        var u = UnitsPerCount(options);
        var (perEmployees, minimum) = (options.Score.PerEmployees, options.Score.MinimumEmployees);
        var lastDay = $"CASE WHEN Status IN ('Completed', 'EndedEarly') THEN ActualEnd ELSE {booked} END";
        var days = duck
            ? $"greatest(0, date_diff('day', greatest(ActualStart, {start}), least({lastDay}, {end})) + 1)"
            : $"max(0, CAST(julianday(min({lastDay}, {end})) - julianday(max(ActualStart, {start})) AS INTEGER) + 1)";
        var divide = duck ? "//" : "/";
        var basis = duck ? $"greatest(COALESCE(e.Employees, 0), {minimum})" : $"max(COALESCE(e.Employees, 0), {minimum})";
        return $"""
            WITH offered AS (
                SELECT CompanyId, SUM(Positions) AS Positions FROM Vacancies
                WHERE PublishedAt >= {from} AND PublishedAt < {to} GROUP BY CompanyId),
            started AS (
                SELECT p.CompanyId, COUNT(*) AS Started, SUM(CASE WHEN c.TargetGroup IN ({far}) THEN 1 ELSE 0 END) AS Far
                FROM Placements p JOIN Candidates c ON c.Id = p.CandidateId
                WHERE p.ActualStart >= {start} AND p.ActualStart <= {end} GROUP BY p.CompanyId),
            running AS (
                SELECT CompanyId, SUM({days}) AS Days FROM Placements
                WHERE ActualStart IS NOT NULL AND ActualStart <= {end}
                  AND (ActualEnd IS NULL OR ActualEnd >= {start} OR Status NOT IN ('Completed', 'EndedEarly'))
                GROUP BY CompanyId),
            results AS (
                SELECT p.CompanyId,
                       SUM(CASE WHEN o.MonthsAfterEnd = 0 AND o.EndResult IN ('OrdinaryJob', 'FlexJob', 'Education') THEN 1 ELSE 0 END) AS Work,
                       SUM(CASE WHEN o.MonthsAfterEnd = 6 AND o.SelfSupporting = 1 THEN 1 ELSE 0 END) AS SelfSupporting6
                FROM Placements p JOIN Outcomes o ON o.PlacementId = p.Id
                WHERE p.Status IN ('Completed', 'EndedEarly') AND p.ActualEnd >= {start} AND p.ActualEnd <= {end} AND o.MonthsAfterEnd IN (0, 6)
                GROUP BY p.CompanyId),
            employees AS (SELECT CompanyId, SUM(OrdinaryEmployees) AS Employees FROM Workplaces GROUP BY CompanyId),
            scored AS (
                SELECT m.Id, m.Name,
                       {u.Position} * COALESCE(o.Positions, 0) + {u.Started} * COALESCE(s.Started, 0) + {u.Day} * COALESCE(r.Days, 0)
                         + {u.Far} * COALESCE(s.Far, 0) + {u.Work} * COALESCE(x.Work, 0) + {u.SelfSupporting6} * COALESCE(x.SelfSupporting6, 0) AS Units,
                       {basis} AS Basis
                FROM Companies m
                LEFT JOIN offered o ON o.CompanyId = m.Id
                LEFT JOIN started s ON s.CompanyId = m.Id
                LEFT JOIN running r ON r.CompanyId = m.Id
                LEFT JOIN results x ON x.CompanyId = m.Id
                LEFT JOIN employees e ON e.CompanyId = m.Id
                WHERE m.MembershipStatus IN ('Active', 'Paused') AND (m.JoinedOn IS NULL OR m.JoinedOn <= {end}))
            SELECT Id, Name, CAST((2 * Units * {perEmployees * 100} + 70 * Basis) {divide} (140 * Basis) AS BIGINT) AS ScoreCents
            FROM scored
            ORDER BY ScoreCents DESC, Name, Id
            LIMIT {first}
            """;
    }

    private static string Date(DateOnly day, bool duck)
        => (duck ? "DATE " : string.Empty) + "'" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";
}
