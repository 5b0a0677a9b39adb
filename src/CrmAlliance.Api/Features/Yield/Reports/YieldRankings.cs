using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>
/// A member with its figures, score and places in the alliance, its industry section and its size band. The places
/// are read from the ranking when first asked (a page of 50 asks for 50, not for every member).
/// </summary>
public sealed class RankedCompany(YieldRanking ranking, YieldRankEntry entry)
{
    private YieldPosition? overall;
    private YieldPosition? inIndustrySection;
    private YieldPosition? inSizeBand;

    public YieldCompany Source => entry.Source;

    public YieldCompanyView Company => entry.Company;

    public YieldFigures Figures => entry.Figures;

    public double Score => entry.Score;

    public YieldPosition Overall => overall ??= ranking.OverallOf(entry);

    public YieldPosition InIndustrySection => inIndustrySection ??= ranking.InSectionOf(entry);

    public YieldPosition InSizeBand => inSizeBand ??= ranking.InBandOf(entry);

    public int ScoreBasis => Figures.ScoreBasis(Company.OrdinaryEmployees);
}

/// <summary>
/// Ranks every member of the alliance by yield score for a period and slice: highest score first, equal scores
/// share a rank (1, 2, 2, 4) and are listed by name. The members and their totals come from
/// <see cref="YieldMemberTotals"/>, kept current in memory by re-reading only the companies a change touched, and
/// the ranking is kept beside them: after such a change only those companies are re-scored and re-placed
/// (<see cref="YieldRanking.With"/>); it is sorted afresh only when the totals were read afresh.
/// </summary>
public sealed class YieldRankings(CrmDbContext db, YieldCellReader reader, YieldOptions options, YieldMemberTotals memberTotals)
{
    public Task<YieldRanking> RankAsync(ReportPeriod period, YieldSlice slice, CancellationToken cancellationToken)
        => memberTotals.RankingAsync(db, reader, period, slice, options, cancellationToken);
}
