using CrmAlliance.Api.Features;

namespace CrmAlliance.DataGeneration;

/// <summary>How long each kind of thing lasts at most, for keeping a candidate in the pool long enough.</summary>
public static class PlacementSpans
{
    /// <summary>Internships (13 weeks and a 2-week extension), wage subsidy, mentor and ordinary-job follow-up (6 months).</summary>
    public const int Short = 200;

    public static int For(OfferKind kind) => kind switch
    {
        OfferKind.AdultApprenticeship => (3 * 366) + 10,
        OfferKind.FlexJob => (2 * 366) + 10,
        _ => Short,
    };
}
