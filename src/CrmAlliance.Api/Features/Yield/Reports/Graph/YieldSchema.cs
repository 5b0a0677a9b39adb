using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Builders;
using GraphQL.DI;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Yield.Reports.Graph;

/// <summary>The partner-yield report fields; each resolver reads its arguments and calls the core query.</summary>
public sealed class YieldSchema : ISchemaContributor
{
    private const string PeriodHelp = "The period: " + ReportPeriod.FormatHelp + ".";

    public void AddQueries(QueryType query)
    {
        query.Field<NonNullGraphType<PartnerYieldGraphType>>("partnerYield")
            .AllowRoles(RoleMetadata.Everyone)
            .Description("One company's partner yield: every measure, per offer kind, score and place among the members. Staff: any company. Company users: their own only (others FORBIDDEN), with small counts of citizens' outcomes suppressed and their place among peers without naming them.")
            .Argument<NonNullGraphType<IdGraphType>>("companyId", "Global ID of the company.")
            .Argument<NonNullGraphType<StringGraphType>>("period", PeriodHelp)
            .SliceArguments()
            .ResolveAsync(async c => await c.Service<PartnerYieldQuery>().GetAsync(
                GlobalId.Parse(c.GetArgument<string>("companyId"), "Company", "companyId"), c.GetArgument<string>("period"), c.Slice(), c.Actor(), c.CancellationToken));

        query.Field<NonNullGraphType<YieldRankingConnectionGraphType>>("yieldRanking")
            .AllowRoles(RoleMetadata.Staff)
            .Description("Members ranked by yield score, highest first, equal scores by name (jobcenter staff). Ranks are among all members; the filters only narrow the list. " + YieldMembers.Description)
            .Argument<NonNullGraphType<StringGraphType>>("period", PeriodHelp)
            .SliceArguments()
            .CompanyFilterArguments(sizeBand: true)
            .PagingArguments()
            .ResolveAsync(async c => (await c.Service<YieldRankingQuery>().ListAsync(
                c.GetArgument<string>("period"), c.Slice(), c.GetArgument<string?>("industrySection"), c.GetArgument<string?>("sizeBand"), c.ConsultantId(), c.Paging(), c.Actor(), c.CancellationToken)).ToYieldConnection());

        query.Field<NonNullGraphType<AllianceSummaryGraphType>>("allianceSummary")
            .AllowRoles(RoleMetadata.Staff)
            .Description("Aalborg Alliancen in a period (jobcenter staff): members active and dormant, the cooperation share, totals of every measure, per offer kind and by quarter.")
            .Argument<NonNullGraphType<StringGraphType>>("period", PeriodHelp)
            .CompanyFilterArguments(sizeBand: true)
            .ResolveAsync(async c => await c.Service<AllianceSummaryQuery>().GetAsync(
                c.GetArgument<string>("period"), c.GetArgument<string?>("industrySection"), c.GetArgument<string?>("sizeBand"), c.ConsultantId(), c.Actor(), c.CancellationToken));

        query.Field<NonNullGraphType<YieldTrendGraphType>>("yieldTrend")
            .AllowRoles(RoleMetadata.Everyone)
            .Description("The measures per month, quarter or year, for a company (company users: their own, suppressed) or, without companyId, the alliance (jobcenter staff).")
            .Argument<IdGraphType>("companyId", "Global ID of the company; omit for the whole alliance.")
            .Argument<NonNullGraphType<StringGraphType>>("from", "The series starts with the first month of this period (" + ReportPeriod.FormatHelp + ").")
            .Argument<NonNullGraphType<StringGraphType>>("to", "The series ends with the last month of this period.")
            .Argument<YieldGrainGraphType>("grain", "The length of each point (default MONTH).", a => a.DefaultValue = YieldGrain.Month)
            .SliceArguments()
            .ResolveAsync(async c => await c.Service<YieldTrendQuery>().GetAsync(
                GlobalId.ParseOptional(c.GetArgument<string?>("companyId"), "Company", "companyId"),
                c.GetArgument<string>("from"),
                c.GetArgument<string>("to"),
                c.GetArgument("grain", YieldGrain.Month),
                c.Slice(),
                c.Actor(),
                c.CancellationToken));

        query.Field<NonNullGraphType<DormantPartnerConnectionGraphType>>("dormantPartners")
            .AllowRoles(RoleMetadata.Staff)
            .Description("Members with no vacancy posted and no placement started or running in the period, longest dormant first, for consultants to follow up (jobcenter staff).")
            .Argument<NonNullGraphType<StringGraphType>>("period", PeriodHelp)
            .CompanyFilterArguments(sizeBand: false)
            .PagingArguments()
            .ResolveAsync(async c => (await c.Service<DormantPartnersQuery>().ListAsync(
                c.GetArgument<string>("period"), c.GetArgument<string?>("industrySection"), c.ConsultantId(), c.Paging(), c.Actor(), c.CancellationToken)).ToYieldConnection());

        query.Field<NonNullGraphType<YieldRowConnectionGraphType>>("yieldRows")
            .AllowRoles(RoleMetadata.Staff)
            .Description("Drill-down (jobcenter staff; company users FORBIDDEN, the rows describe citizens): the rows behind a figure, selected exactly as the figure counts them, so their count (or the sum of `amount`) equals it.")
            .Argument<IdGraphType>("companyId", "Global ID of the company; omit for the whole alliance.")
            .Argument<NonNullGraphType<StringGraphType>>("period", PeriodHelp)
            .Argument<NonNullGraphType<YieldMeasureGraphType>>("measure", "The figure.")
            .SliceArguments()
            .PagingArguments()
            .ResolveAsync(async c => (await c.Service<YieldRowsQuery>().ListAsync(
                GlobalId.ParseOptional(c.GetArgument<string?>("companyId"), "Company", "companyId"),
                c.GetArgument<string>("period"),
                c.GetArgument<YieldMeasure>("measure"),
                c.Slice(),
                c.Paging(),
                c.Actor(),
                c.CancellationToken)).ToYieldConnection());
    }
}

/// <summary>The arguments the yield fields share, declared and read in one place.</summary>
internal static class YieldArguments
{
    public static FieldBuilder<object?, object> SliceArguments(this FieldBuilder<object?, object> field)
        => field
            .Argument<EnumerationGraphType<OfferKind>>("offerKind", "Only this offer kind (default: every kind).")
            .Argument<EnumerationGraphType<TargetGroup>>("targetGroup", "Only candidates of this target group (default: every group). Vacancies, contacts and pledges have no target group.");

    public static FieldBuilder<object?, object> CompanyFilterArguments(this FieldBuilder<object?, object> field, bool sizeBand)
    {
        field.Argument<StringGraphType>("industrySection", "Only companies in this DB07 section (a letter A–U).")
            .Argument<IdGraphType>("consultantId", "Only companies with this responsible consultant (a User's global ID).");
        return sizeBand ? field.Argument<StringGraphType>("sizeBand", "Only companies in this size band, e.g. \"10–49\" or \"250+\" (labels as YieldCompany.sizeBand).") : field;
    }

    public static FieldBuilder<object?, object> PagingArguments(this FieldBuilder<object?, object> field)
        => field
            .Argument<IntGraphType>("first", $"How many to return (default {PageRequest.DefaultSize}, at most {PageRequest.MaxSize}).")
            .Argument<StringGraphType>("after", "Return those after this cursor (an `endCursor` from the previous page).");

    public static YieldSlice Slice(this IResolveFieldContext context)
        => new(context.GetArgument<OfferKind?>("offerKind"), context.GetArgument<TargetGroup?>("targetGroup"));

    public static string? ConsultantId(this IResolveFieldContext context)
        => context.GetArgument<string?>("consultantId") is { } id ? GlobalId.ParseKey(id, "User", "consultantId") : null;
}

/// <summary>The drill-down row types are reached only through the YieldRow interface, so the schema is told of them.</summary>
internal sealed class YieldRowTypesRegistration : IConfigureSchema
{
    public void Configure(ISchema schema, IServiceProvider serviceProvider)
        => schema.RegisterTypes(typeof(YieldPlacementRowGraphType), typeof(YieldVacancyRowGraphType), typeof(YieldContactRowGraphType), typeof(YieldPledgeRowGraphType));
}
