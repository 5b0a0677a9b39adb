using System.Linq.Expressions;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Yield.ReadModel;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>Who counts as a member of the alliance for a period: ranked, summarised, listed when dormant.</summary>
public static class YieldMembers
{
    private static readonly string Active = nameof(MembershipStatus.Active);
    private static readonly string Paused = nameof(MembershipStatus.Paused);

    /// <summary>
    /// Membership active or paused now and joined on or before the period's last day. The read model keeps
    /// the current membership only, so a company that has left is not a member of past periods either.
    /// </summary>
    public static Expression<Func<YieldCompany, bool>> Of(ReportPeriod period)
    {
        var end = period.End;
        return c => (c.MembershipStatus == Active || c.MembershipStatus == Paused) && (c.JoinedOn == null || c.JoinedOn <= end);
    }

    public const string Description =
        "Members are companies whose membership of Aalborg Alliancen is active or paused and who joined on or before the period's last day (the read model knows the current membership only).";
}
