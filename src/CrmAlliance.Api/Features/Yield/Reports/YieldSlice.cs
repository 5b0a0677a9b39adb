using CrmAlliance.Api.Features.Yield.ReadModel;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>The offer kind and target group a report reads (null = all), as the cells name them.</summary>
public sealed record YieldSlice(OfferKind? OfferKind = null, TargetGroup? TargetGroup = null)
{
    public static readonly YieldSlice Whole = new();

    public string OfferKindKey => OfferKind?.ToString() ?? YieldCell.All;

    public string TargetGroupKey => TargetGroup?.ToString() ?? YieldCell.All;
}
