using CrmAlliance.Api.Features.Accounts.Graph;
using CrmAlliance.Api.Features.Companies.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Pledges.Graph;

public sealed class PledgeGraphType : ObjectGraphType<PledgeView>
{
    public PledgeGraphType()
    {
        Name = "Pledge";
        Description = "What a company promises for a period (partnerskabsaftale, tilsagn): offers per kind and the target groups it welcomes.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is PledgeView;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(c => GlobalId.Encode("Pledge", c.Source.Id));
        Field<NonNullGraphType<CompanyGraphType>>("company").Description("The company that pledged.")
            .Resolve(c => CompaniesSchema.LoadCompany(c, c.Source.CompanyId));
        Field(p => p.PeriodStart).Description("First day of the pledge period.");
        Field(p => p.PeriodEnd).Description("Last day of the pledge period (inclusive).");
        Field(p => p.OrdinaryJobs).Description("Ordinary (unsubsidised) jobs promised.");
        Field(p => p.Internships).Description("Internships (virksomhedspraktik) promised.");
        Field(p => p.WageSubsidyJobs).Description("Wage-subsidy jobs (løntilskud) promised.");
        Field(p => p.AdultApprenticeships).Description("Adult apprenticeships (voksenlærling) promised.");
        Field(p => p.FlexJobs).Description("Flex jobs promised.");
        Field(p => p.Mentors).Description("Workplace mentors promised.");
        Field(p => p.TargetGroups).Description("Target groups the company is open to; empty when it named none.");
        Field(p => p.Note, nullable: true).Description("The jobcenter's note on the agreement; always null for company users.");
        Field(p => p.RecordedAt).Description("When the pledge was recorded.");
        Field<UserGraphType>("recordedBy").Description("The consultant or manager who recorded it; null if you may not see that user.")
            .Resolve(c => AccountsSchema.LoadUser(c, c.Source.RecordedBy));
        Field(p => p.Version).Description("Send this back when you update the pledge; a stale version is refused with CONFLICT.");
    }
}

public sealed class RecordPledgeInputGraphType : CrmInputObjectGraphType<RecordPledgeInput>
{
    public RecordPledgeInputGraphType()
    {
        Name = "RecordPledgeInput";
        Description = $"A new pledge. At least one count must be above 0; each is at most {PledgeRules.MaxPerOfferKind}.";
        IdField(i => i.CompanyId, "Company", "The company that pledges.");
        PledgeTermFields.Add(this, optionalCounts: true);
    }
}

public sealed class UpdatePledgeInputGraphType : CrmInputObjectGraphType<UpdatePledgeInput>
{
    public UpdatePledgeInputGraphType()
    {
        Name = "UpdatePledgeInput";
        Description = "The whole pledge as it should now read; the company does not change.";
        IdField(i => i.Id, "Pledge", "The pledge.");
        Field(i => i.Version).Description("The version you read; a stale one is refused with CONFLICT.");
        PledgeTermFields.Add(this, optionalCounts: false);
    }
}

/// <summary>The fields recording and updating share, declared once so the two inputs cannot drift apart.</summary>
internal static class PledgeTermFields
{
    public static void Add<T>(InputObjectGraphType<T> type, bool optionalCounts)
        where T : IPledgeTerms
    {
        type.Field<NonNullGraphType<DateOnlyGraphType>>("periodStart").Description("First day of the period.");
        type.Field<NonNullGraphType<DateOnlyGraphType>>("periodEnd").Description($"Last day of the period (inclusive): after periodStart and at most {PledgeRules.MaxYears} years later.");
        Count(type, "ordinaryJobs", "Ordinary jobs.", optionalCounts);
        Count(type, "internships", "Internships.", optionalCounts);
        Count(type, "wageSubsidyJobs", "Wage-subsidy jobs.", optionalCounts);
        Count(type, "adultApprenticeships", "Adult apprenticeships.", optionalCounts);
        Count(type, "flexJobs", "Flex jobs.", optionalCounts);
        Count(type, "mentors", "Workplace mentors.", optionalCounts);
        type.Field<ListGraphType<NonNullGraphType<EnumerationGraphType<TargetGroup>>>>("targetGroups").Description("Target groups the company is open to; repeats are ignored.");
        type.Field<StringGraphType>("note").Description($"The jobcenter's note (at most {PledgeRules.NoteMaxLength} characters); company users never see it.");
    }

    private static void Count<T>(InputObjectGraphType<T> type, string name, string description, bool optional)
    {
        var field = type.Field<NonNullGraphType<IntGraphType>>(name).Description(description + (optional ? " Default 0." : ""));
        if (optional)
        {
            field.DefaultValue(0);
        }
    }
}
