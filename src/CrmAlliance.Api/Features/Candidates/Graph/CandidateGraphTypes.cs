using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Candidates.Graph;

public sealed class CandidateGraphType : ObjectGraphType<CandidateView>
{
    public CandidateGraphType()
    {
        Name = "Candidate";
        Description = "A citizen in the jobcenter's pool, held pseudonymously by a case-system reference (never a CPR number). Visible to jobcenter staff only.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is CandidateView;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(c => GlobalId.Encode("Candidate", c.Source.Id));
        Field(c => c.Version).Description("Send this back when you update the candidate; a stale version is refused with CONFLICT.");
        Field(c => c.CaseReference).Description("The case system's reference.");
        Field(c => c.DisplayAlias).Description("What company users see instead of the reference, e.g. \"Kandidat 7F3A\".");
        Field(c => c.TargetGroup).Description("The benefit group (målgruppe).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("soughtOccupations").Description("DISCO-08 codes of the occupations sought (1 to 10).")
            .Resolve(c => c.Source.SoughtOccupations);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("skills").Description("Skills, each at most 100 characters.")
            .Resolve(c => c.Source.Skills);
        Field(c => c.EducationLevel).Description("Highest completed education.");
        Field(c => c.HasWorkExperience).Description("False for a candidate without work experience (internships may then last up to 13 weeks).");
        Field(c => c.Postcode).Description("Danish postcode of residence.");
        Field(c => c.AvailableFrom).Description("The first day the candidate can start.");
        Field(c => c.LastEmployerCvr, nullable: true).Description("CVR number of the last employer: no internship there.");
        Field(c => c.CreatedAt).Description("When the candidate was registered.");
        Field(c => c.WithdrawnAt, nullable: true).Description("When the candidate left the pool (`withdrawCandidate`); null while they are in it. A withdrawn candidate is not changed, matched or proposed.");
        Field(c => c.WithdrawalReason, nullable: true).Description("Why the candidate left the pool, e.g. \"Fundet arbejde selv\".");
    }
}

public sealed class CandidateFilterInputGraphType : CrmInputObjectGraphType<CandidateFilter>
{
    public CandidateFilterInputGraphType()
    {
        Name = "CandidateFilter";
        Description = "Narrows a candidate search; all given conditions must hold.";
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<TargetGroup>>>>("targetGroups").Description("Any of these target groups.");
        Field(f => f.OccupationCodePrefix, nullable: true).Description("Seeks an occupation whose DISCO-08 code starts with this, e.g. \"5120\" or \"51\".");
        Field(f => f.Postcode, nullable: true).Description("Lives in this postcode.");
        Field(f => f.AvailableBy, nullable: true).Description("Available on or before this day.");
        Field(f => f.IncludeWithdrawn, nullable: true).Description("True to include candidates who left the pool; by default (false) they are hidden.");
    }
}

public sealed class RegisterCandidateInputGraphType : CrmInputObjectGraphType<RegisterCandidateInput>
{
    public RegisterCandidateInputGraphType()
    {
        Name = "RegisterCandidateInput";
        Description = "A new candidate.";
        Field(i => i.CaseReference).Description("The case system's reference, at most 64 characters, unique. Never a CPR number: anything shaped like one is refused.");
        Field(i => i.TargetGroup).Description("The benefit group.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("soughtOccupations").Description("1 to 10 DISCO-08 codes; pick them from `occupations`.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("skills").Description("At most 30 skills of at most 100 characters; trimmed, duplicates dropped.");
        Field(i => i.EducationLevel).Description("Highest completed education.");
        Field(i => i.HasWorkExperience).Description("Whether the candidate has work experience.");
        Field(i => i.Postcode).Description("Danish postcode; pick one from `postcodes`.");
        Field(i => i.AvailableFrom).Description("The first day the candidate can start.");
        Field(i => i.LastEmployerCvr, nullable: true).Description("CVR number of the last employer, if any.");
    }
}

public sealed class UpdateCandidateInputGraphType : CrmInputObjectGraphType<UpdateCandidateInput>
{
    public UpdateCandidateInputGraphType()
    {
        Name = "UpdateCandidateInput";
        Description = "The whole editable record of a candidate, with the version you read.";
        IdField(i => i.Id, "Candidate", "The candidate.");
        Field(i => i.Version).Description("The version you read.");
        Field(i => i.CaseReference).Description("The case system's reference, at most 64 characters, unique. Never a CPR number.");
        Field(i => i.TargetGroup).Description("The benefit group.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("soughtOccupations").Description("1 to 10 DISCO-08 codes.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("skills").Description("At most 30 skills of at most 100 characters.");
        Field(i => i.EducationLevel).Description("Highest completed education.");
        Field(i => i.HasWorkExperience).Description("Whether the candidate has work experience.");
        Field(i => i.Postcode).Description("Danish postcode.");
        Field(i => i.AvailableFrom).Description("The first day the candidate can start.");
        Field(i => i.LastEmployerCvr, nullable: true).Description("CVR number of the last employer, if any.");
    }
}

public sealed class WithdrawCandidateInputGraphType : CrmInputObjectGraphType<WithdrawCandidateInput>
{
    public WithdrawCandidateInputGraphType()
    {
        Name = "WithdrawCandidateInput";
        Description = "A candidate leaving the pool, with the version you read.";
        IdField(i => i.Id, "Candidate", "The candidate.");
        Field(i => i.Version).Description("The version you read.");
        Field(i => i.Reason).Description("Why the candidate leaves the pool, at most 500 characters (e.g. \"Fundet arbejde selv\").");
    }
}
