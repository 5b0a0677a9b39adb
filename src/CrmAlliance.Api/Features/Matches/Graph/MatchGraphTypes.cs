using CrmAlliance.Api.Features.Accounts.Graph;
using CrmAlliance.Api.Features.Candidates.Graph;
using CrmAlliance.Api.Features.Placements.Graph;
using CrmAlliance.Api.Features.Vacancies.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Matches.Graph;

public sealed class MatchGraphType : ObjectGraphType<MatchView>
{
    public MatchGraphType()
    {
        Name = "Match";
        Description = "A candidate the matching service proposed for a vacancy, and what a consultant did with it (jobcenter staff only).";
        Interface<NodeInterface>();
        IsTypeOf = o => o is MatchView;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.").Resolve(c => GlobalId.Encode("Match", c.Source.Id));
        Field(m => m.Version).Description("Send this back when you accept or dismiss the match.");
        Field<NonNullGraphType<VacancyGraphType>>("vacancy").Description("The vacancy.").Resolve(c => VacanciesSchema.LoadVacancy(c, c.Source.VacancyId));
        Field<NonNullGraphType<CandidateGraphType>>("candidate").Description("The proposed candidate.").Resolve(c => CandidatesSchema.LoadCandidate(c, c.Source.CandidateId));
        Field(m => m.Rank).Description("1 for the best candidate of this round of matching.");
        Field(m => m.Score).Description("From 0 to 1: how well the candidate fits (occupation, skills, distance, availability).");
        Field(m => m.Explanation).Description("Why, in one line, e.g. \"same occupation group 5223; 4 of 5 skills; 12 km; available\".");
        Field<NonNullGraphType<MatchStatusGraphType>>("status").Description("SUGGESTED, ACCEPTED, DISMISSED or SUPERSEDED.").Resolve(c => c.Source.Status);
        Field(m => m.MatchedAt).Description("When matching proposed it.");
        Field(m => m.DecidedAt, nullable: true).Description("When a consultant accepted or dismissed it.");
        Field<UserGraphType>("decidedBy").Description("The consultant who accepted or dismissed it.")
            .Resolve(c => c.Source.DecidedBy is { } user ? AccountsSchema.LoadUser(c, user) : null);
        Field(m => m.DismissReason, nullable: true).Description("Why it was dismissed.");
        Field<PlacementGraphType>("placement").Description("The placement proposed when it was accepted.")
            .Resolve(c => c.Source.PlacementId is { } id ? PlacementsSchema.LoadPlacement(c, id) : null);
    }
}

public sealed class MatchStatusGraphType : EnumerationGraphType<MatchStatus>
{
    public MatchStatusGraphType()
    {
        Name = "MatchStatus";
        Description = "What became of a suggestion.";
    }
}

public sealed class MatchQualityGraphType : ObjectGraphType<MatchQualityView>
{
    public MatchQualityGraphType()
    {
        Name = "MatchQuality";
        Description = "How consultants received matching's suggestions: the measure of the matcher's quality.";
        Field(q => q.Suggested).Description("Suggestions made, including those a newer round replaced before anyone acted.");
        Field(q => q.Accepted).Description("Suggestions a consultant turned into a placement proposal.");
        Field(q => q.Dismissed).Description("Suggestions a consultant dismissed, with a reason.");
        Field(q => q.Pending).Description("Suggestions still waiting for a consultant.");
        Field(q => q.AcceptRate, nullable: true).Description("Accepted ÷ suggested; null when nothing was suggested.");
        Field(q => q.DismissRate, nullable: true).Description("Dismissed ÷ suggested; null when nothing was suggested.");
    }
}

public sealed class AcceptMatchInputGraphType : CrmInputObjectGraphType<AcceptMatchInput>
{
    public AcceptMatchInputGraphType()
    {
        Name = "AcceptMatchInput";
        Description = "Accepting a match proposes a placement of the candidate at the vacancy's workplace, of the vacancy's offer kind.";
        IdField(i => i.Id, "Match", "The match.");
        Field(i => i.Version).Description("The match's version as you read it.");
        Field(i => i.PlannedStart).Description("Planned first day of the placement.");
        Field(i => i.PlannedEnd).Description("Planned last day of the placement.");
        Field<InternshipPurposeGraphType>("purpose").Description("Required for an INTERNSHIP; refused for other kinds.");
        Field<ListGraphType<NonNullGraphType<RuleExemptionInputGraphType>>>("exemptions").Description("Rules the placement is exempted from, each with its reason.");
    }
}

public sealed class DismissMatchInputGraphType : CrmInputObjectGraphType<DismissMatchInput>
{
    public DismissMatchInputGraphType()
    {
        Name = "DismissMatchInput";
        Description = "Dismissing a match records why the candidate does not fit.";
        IdField(i => i.Id, "Match", "The match.");
        Field(i => i.Version).Description("The match's version as you read it.");
        Field(i => i.Reason).Description("Why, at most 500 characters, e.g. \"has no driving licence\".");
    }
}
