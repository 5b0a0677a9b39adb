using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Yield;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Features.Yield.Reports;

namespace CrmAlliance.UnitTests.Yield.Reports;

/// <summary>What a company user's view withholds beyond single small counts, so that no visible sum gives one away.</summary>
public sealed class YieldDisclosureTests
{
    private static readonly YieldOptions Options = new();
    private readonly YieldSuppression _five = new(5);

    private static YieldFigures Figures(YieldTotals totals) => new(totals, Options);

    [Fact]
    public void One_small_end_result_withholds_every_end_result_zeros_too_and_the_score_but_not_the_bases()
    {
        // Two placements ended: one in an ordinary job, one back on benefits.
        var shown = _five.Disclose(Figures(new() { PlacementsStarted = 2, PlacementsEnded = 2, EndResultsRecorded = 2, EndedOrdinaryJob = 1, EndedBackOnBenefits = 1, ConversionEnded = 2, ConvertedToOrdinaryJob = 1 }));

        Assert.All([shown.EndedOrdinaryJob, shown.EndedFlexJob, shown.EndedEducation, shown.EndedBackOnBenefits, shown.EndedDroppedOut], c => Assert.Equal(new ShownCount(null, true), c));
        Assert.Equal(new ShownRate(null, 2, null, true), shown.WorkOrEducation);
        Assert.Equal(new ShownRate(null, 2, null, true), shown.Conversion);
        Assert.Equal(new ShownRate(null, 2, null, true), shown.Reach);
        Assert.True(shown.ScoreWithheld);
    }

    [Fact]
    public void Large_counts_are_shown_with_the_score()
    {
        var shown = _five.Disclose(Figures(new() { PlacementsStarted = 10, FarFromMarketStarted = 5, PlacementsEnded = 10, EndResultsRecorded = 10, EndedOrdinaryJob = 5, EndedBackOnBenefits = 5 }));

        Assert.Equal(new ShownCount(5, false), shown.EndedOrdinaryJob);
        Assert.Equal(new ShownCount(0, false), shown.EndedFlexJob);
        Assert.Equal(new ShownRate(5, 10, 0.5, false), shown.WorkOrEducation);
        Assert.Equal(new ShownRate(5, 10, 0.5, false), shown.Reach);
        Assert.False(shown.ScoreWithheld);
    }

    [Fact]
    public void A_period_withholds_what_any_of_its_months_withholds()
    {
        var january = new YieldTotals { PlacementsStarted = 10, FarFromMarketStarted = 5 };
        var february = new YieldTotals { PlacementsStarted = 2, FarFromMarketStarted = 1 };
        var quarter = new YieldTotals();
        quarter.Add(january);
        quarter.Add(february);

        var shown = _five.Disclose(Figures(quarter), [january, february], YieldSlice.Whole);

        // 6 of 12 alone is safe, but minus January's 5 of 10 it is February's 1 of 2.
        Assert.Equal(new ShownRate(null, 12, null, true), shown.Reach);
        Assert.True(shown.ScoreWithheld);
        Assert.Equal(new ShownRate(6, 12, 0.5, false), YieldSuppression.None.Disclose(Figures(quarter), [january, february], YieldSlice.Whole).Reach);
    }

    [Fact]
    public void A_view_of_one_offer_kind_withholds_every_outcome_count_for_company_users()
    {
        var totals = new YieldTotals { PlacementsStarted = 10, FarFromMarketStarted = 5 };

        var shown = _five.Disclose(Figures(totals), [totals], new YieldSlice(OfferKind.Internship));

        Assert.Equal(new ShownRate(null, 10, null, true), shown.Reach);
        Assert.Equal(new ShownCount(null, true), shown.EndedFlexJob);
        Assert.True(shown.ScoreWithheld);
    }

    [Fact]
    public void Company_users_are_refused_a_target_group_slice()
    {
        Assert.Throws<Api.Core.ForbiddenException>(() => _five.RequireWholeTargetGroups(new YieldSlice(TargetGroup: TargetGroup.Integration)));
        YieldSuppression.None.RequireWholeTargetGroups(new YieldSlice(TargetGroup: TargetGroup.Integration));
    }
}
