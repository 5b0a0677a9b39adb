using CrmAlliance.Api.Features.Yield.Targets;
using CrmAlliance.Api.Features.Yield.Targets.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace CrmAlliance.Api.Features.Yield.Reports.Graph;

public sealed class PartnerYieldGraphType : ObjectGraphType<PartnerYieldView>
{
    public PartnerYieldGraphType()
    {
        Name = "PartnerYield";
        Description = "One company's yield for a period and slice. In a company user's own view, small counts of citizens' outcomes are suppressed.";
        Field<NonNullGraphType<YieldCompanyGraphType>>("company").Description("The company.").Resolve(c => c.Source.Company);
        Field<NonNullGraphType<StringGraphType>>("period").Description("The period, as written canonically (e.g. \"2025-Q2\").").Resolve(c => c.Source.Period.Label);
        Field<EnumerationGraphType<OfferKind>>("offerKind").Description("The offer kind slice; null for every kind.").Resolve(c => c.Source.Slice.OfferKind);
        Field<EnumerationGraphType<TargetGroup>>("targetGroup").Description("The target group slice; null for every group.").Resolve(c => c.Source.Slice.TargetGroup);
        Field(y => y.DefinitionVersion).Description("The metric definition that produced these figures: its version and a fingerprint of the weights and thresholds in force.");
        Field<NonNullGraphType<YieldMeasuresGraphType>>("measures").Description("Every measure for the company, period and slice.").Resolve(c => c.Source.Measures);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<YieldOfferKindGraphType>>>>("byOfferKind")
            .Description("Offered, taken up and pledge fulfilment per offer kind (only the sliced kind when offerKind is given; always over every target group).")
            .Resolve(c => c.Source.ByOfferKind);
        Field(y => y.Score, nullable: true).Description("Yield score: the weighted contributions (published weights, configuration Yield:Score) per 100 ordinary employees. Null in a company user's view when an outcome it weighs (reach, work or education, self-supporting after 6 months) is withheld in the period or in any of its months: with the published weights it would give the withheld count away (see scoreSuppressed).");
        Field(y => y.ScoreSuppressed).Description("True when the score is withheld; the places among peers (overall, inIndustrySection, inSizeBand), which are read from it, are then null too.");
        Field("scoreBasisEmployees", y => y.ScoreBasis).Description("The ordinary employees the score was normalised by: the company's, but at least Yield:Score:MinimumEmployees (default 10).");
        Position("overall", y => y.Overall, "Place among all members of the alliance; null when the company is not a member in the period or when the score is withheld.");
        Position("inIndustrySection", y => y.InIndustrySection, "Place among the members in the same industry section; null when the company is not a member in the period or when the score is withheld.");
        Position("inSizeBand", y => y.InSizeBand, "Place among the members in the same size band; null when the company is not a member in the period or when the score is withheld.");
        Field(y => y.SuppressionThreshold, nullable: true).Description("In a company user's view: counts from 1 to this minus 1 are suppressed. Null for jobcenter staff, who see every count.");
        Field<NonNullGraphType<EffectTargetResultsGraphType>>("effectTargets")
            .Description("The company's result for the period against every effect target of the year the period ends in (over every offer kind and target group, whatever this report's slice), suppressed like the rest of this view.")
            .ResolveAsync(async c => await c.Service<EffectTargetResults>().EvaluateAsync(c.Source.Company.Id, c.Source.Period, c.Source.SuppressionThreshold, c.CancellationToken));
    }

    private void Position(string name, Func<PartnerYieldView, YieldPosition?> value, string description)
        => Field<YieldPositionGraphType>(name).Description(description).Resolve(c => value(c.Source));
}

public sealed class YieldRankingRowGraphType : ObjectGraphType<RankedCompany>
{
    public YieldRankingRowGraphType()
    {
        Name = "YieldRankingRow";
        Description = "A member in the yield ranking.";
        Field<NonNullGraphType<YieldCompanyGraphType>>("company").Description("The company.").Resolve(c => c.Source.Company);
        Field<NonNullGraphType<StringGraphType>>("industrySection").Description("Its DB07 section letter.").Resolve(c => c.Source.Company.IndustrySection);
        Field<NonNullGraphType<StringGraphType>>("sizeBand").Description("Its size band.").Resolve(c => c.Source.Company.SizeBand);
        Field<NonNullGraphType<IntGraphType>>("employees").Description("Its ordinary employees.").Resolve(c => c.Source.Company.OrdinaryEmployees);
        Field(r => r.Score).Description("Yield score per 100 ordinary employees.");
        Field("scoreBasisEmployees", r => r.ScoreBasis).Description("The employees the score was normalised by (at least Yield:Score:MinimumEmployees).");
        Field<NonNullGraphType<IntGraphType>>("rank").Description("Rank among all members (not only those the filters list).").Resolve(c => c.Source.Overall.Rank);
        Field<NonNullGraphType<YieldPositionGraphType>>("overall").Description("Place among all members.").Resolve(c => c.Source.Overall);
        Field<NonNullGraphType<YieldPositionGraphType>>("inIndustrySection").Description("Place among the members in its industry section.").Resolve(c => c.Source.InIndustrySection);
        Field<NonNullGraphType<YieldPositionGraphType>>("inSizeBand").Description("Place among the members in its size band.").Resolve(c => c.Source.InSizeBand);
        Field<NonNullGraphType<YieldMeasuresGraphType>>("measures").Description("Its key figures (every measure) for the period and slice.")
            .Resolve(c => new YieldMeasuresView(c.Source.Figures));
        Field<NonNullGraphType<BooleanGraphType>>("freeLabourRisk").Description("Many internships and wage-subsidy placements, few hires (see YieldMeasures.freeLabourRisk).").Resolve(c => c.Source.Figures.FreeLabourRisk);
    }
}

public sealed class AllianceSummaryGraphType : ObjectGraphType<AllianceSummaryView>
{
    public AllianceSummaryGraphType()
    {
        Name = "AllianceSummary";
        Description = "Aalborg Alliancen in a period. " + YieldMembers.Description;
        Field<NonNullGraphType<StringGraphType>>("period").Description("The period, as written canonically.").Resolve(c => c.Source.Period.Label);
        Field(s => s.DefinitionVersion).Description("The metric definition that produced these figures.");
        Field(s => s.Members).Description("Members meeting the filters.");
        Field(s => s.ActiveMembers).Description("Active members: at least one vacancy posted, or placement started or running, in the period.");
        Field(s => s.DormantMembers).Description("Dormant members: no vacancy and no placement in the period (see dormantPartners).");
        Field(s => s.ActiveShare, nullable: true).Description("activeMembers / members; null without members.");
        Field(s => s.MembersWithEmployees).Description("Members with at least one ordinary employee: the cooperation share's base.");
        Field(s => s.CooperatedMembers).Description("Of those, members the jobcenter cooperated with in the period: a vacancy posted or a placement running in an internship, wage subsidy, flex job or mentor arrangement (configuration Yield:CooperationKinds).");
        Field(s => s.CooperationShare, nullable: true).Description("Samarbejdsgrad-style cooperation share: cooperatedMembers / membersWithEmployees. Unlike the national measure its base is the alliance's members, not every company in the municipality. Null without a base.");
        Field<NonNullGraphType<YieldMeasuresGraphType>>("totals")
            .Description("Every measure summed over all companies in the read model that meet the filters (members and the other companies the jobcenter worked with).")
            .Resolve(c => c.Source.Totals);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<YieldOfferKindGraphType>>>>("byOfferKind").Description("The totals per offer kind, with pledge fulfilment.").Resolve(c => c.Source.ByOfferKind);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<YieldTrendPointGraphType>>>>("quarters")
            .Description("The trend by quarter over every quarter of the period's year(s), with the same companies as totals.")
            .Resolve(c => c.Source.Quarters);
        Field<NonNullGraphType<EffectTargetResultsGraphType>>("effectTargets")
            .Description("The whole alliance's result for the period against every effect target of the year the period ends in. Targets are set for the alliance, so the filters do not apply here.")
            .ResolveAsync(async c => await c.Service<EffectTargetResults>().EvaluateAsync(null, c.Source.Period, null, c.CancellationToken));
    }
}

public sealed class YieldTrendGraphType : ObjectGraphType<YieldTrendView>
{
    public YieldTrendGraphType()
    {
        Name = "YieldTrend";
        Description = "A series of periods with their measures, for a company or the alliance.";
        Field<YieldCompanyGraphType>("company").Description("The company; null for the alliance.").Resolve(c => c.Source.Company);
        Field<NonNullGraphType<StringGraphType>>("range").Description("The months covered, from the first month of `from` to the last of `to`.").Resolve(c => c.Source.Range.Label);
        Field<NonNullGraphType<YieldGrainGraphType>>("grain").Description("The length of each point.").Resolve(c => c.Source.Grain);
        Field<EnumerationGraphType<OfferKind>>("offerKind").Description("The offer kind slice; null for every kind.").Resolve(c => c.Source.Slice.OfferKind);
        Field<EnumerationGraphType<TargetGroup>>("targetGroup").Description("The target group slice; null for every group.").Resolve(c => c.Source.Slice.TargetGroup);
        Field(t => t.DefinitionVersion).Description("The metric definition that produced these figures.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<YieldTrendPointGraphType>>>>("points").Description("One point per month, quarter or year, oldest first.").Resolve(c => c.Source.Points);
        Field(t => t.SuppressionThreshold, nullable: true).Description("In a company user's view: counts from 1 to this minus 1 are suppressed. Null for staff.");
    }
}

public sealed class DormantPartnerGraphType : ObjectGraphType<DormantPartnerView>
{
    public DormantPartnerGraphType()
    {
        Name = "DormantPartner";
        Description = "A member with no vacancy posted and no placement started or running in the period: one to follow up.";
        Field<NonNullGraphType<YieldCompanyGraphType>>("company").Description("The company (with its responsible consultant's ID).").Resolve(c => c.Source.Company);
        Field("responsibleConsultantName", d => d.ConsultantName, nullable: true).Description("The responsible consultant's display name.");
        Field<StringGraphType>("lastActiveMonth").Description("The last month up to the period's end with a vacancy or placement (yyyy-MM); null when never.")
            .Resolve(c => c.Source.LastActiveMonth?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        Field(d => d.Contacts).Description("Contacts logged with the company in the period.");
        Field("pledgedPositions", d => d.Pledged).Description("Positions pledged for the period, pro-rated by days.");
    }
}

/// <summary>A Relay connection of a report list, with the period and definition it was computed with.</summary>
public sealed class YieldConnection<T> : Connection<T>
{
    public required string Period { get; init; }

    public required string DefinitionVersion { get; init; }
}

public static class YieldConnections
{
    public static YieldConnection<T> ToYieldConnection<T>(this YieldPage<T> page)
    {
        var connection = page.Page.ToConnection();
        return new YieldConnection<T> { Edges = connection.Edges, TotalCount = connection.TotalCount, PageInfo = connection.PageInfo, Period = page.Period, DefinitionVersion = page.DefinitionVersion };
    }
}

public abstract class YieldConnectionGraphType<TNodeGraphType, T> : ConnectionType<TNodeGraphType, EdgeType<TNodeGraphType>>
    where TNodeGraphType : IGraphType
{
    protected YieldConnectionGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<StringGraphType>>("period").Description("The period, as written canonically.").Resolve(c => ((YieldConnection<T>)c.Source!).Period);
        Field<NonNullGraphType<StringGraphType>>("definitionVersion").Description("The metric definition that produced these figures.").Resolve(c => ((YieldConnection<T>)c.Source!).DefinitionVersion);
    }
}

public sealed class YieldRankingConnectionGraphType() : YieldConnectionGraphType<YieldRankingRowGraphType, RankedCompany>("YieldRankingConnection", "Members by yield score, highest first.");

public sealed class DormantPartnerConnectionGraphType() : YieldConnectionGraphType<DormantPartnerGraphType, DormantPartnerView>("DormantPartnerConnection", "Dormant members, longest dormant first.");

public sealed class YieldRowConnectionGraphType() : YieldConnectionGraphType<YieldRowInterface, YieldRow>("YieldRowConnection", "The rows behind a figure.");
