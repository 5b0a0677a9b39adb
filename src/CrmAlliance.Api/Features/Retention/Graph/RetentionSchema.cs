using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Retention.Access;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Retention.Graph;

/// <summary>Retention's and the right of access's root fields; each resolver only calls the core.</summary>
public sealed class RetentionSchema : ISchemaContributor
{
    public void AddQueries(QueryType query)
        => query.Field<NonNullGraphType<CandidateAccessReportGraphType>>("candidateAccessReport")
            .AllowRoles(Role.Admin)
            .Description("Everything held on one case reference, for a citizen's right of access (Admins): attributes, placements with outcomes, match suggestions and audit entries, as a JSON document. NOT_FOUND for an unknown reference.")
            .Argument<NonNullGraphType<StringGraphType>>("caseReference", "The case system's reference of the candidate.")
            .ResolveAsync(async c => await c.Service<CandidateAccessQuery>().ReportAsync(c.GetArgument<string>("caseReference"), c.Actor(), c.CancellationToken));

    public void AddMutations(MutationType mutation)
        => mutation.Field<IdGraphType>("eraseCompanyContact")
            .AllowRoles(Role.Admin, Role.Consultant)
            .Description("Erases a contact person on their request (Admins and consultants): the person's row, and their name on the employee representatives' statements of the company's placements. Returns the erased ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global ID of the contact person.")
            .ResolveAsync(async c =>
            {
                var id = GlobalId.Parse(c.GetArgument<string>("id"), "CompanyContact", "id");
                await c.Service<EraseCompanyContactHandler>().HandleAsync(id, c.Actor(), c.CancellationToken);
                return (object?)GlobalId.Encode("CompanyContact", id);
            });
}

public sealed class CandidateAccessReportGraphType : ObjectGraphType<CandidateAccessReport>
{
    public CandidateAccessReportGraphType()
    {
        Name = "CandidateAccessReport";
        Description = "A right-of-access report on one case reference.";
        Field<NonNullGraphType<StringGraphType>>("caseReference").Description("The reference asked about.").Resolve(c => c.Source.Candidate.CaseReference);
        Field(r => r.GeneratedAt).Description("When the report was made.");
        Field<NonNullGraphType<IntGraphType>>("placementCount").Description("Placements in the report.").Resolve(c => c.Source.Placements.Count);
        Field<NonNullGraphType<IntGraphType>>("matchSuggestionCount").Description("Match suggestions in the report.").Resolve(c => c.Source.MatchSuggestions.Count);
        Field<NonNullGraphType<IntGraphType>>("auditEntryCount").Description("Audit entries in the report.").Resolve(c => c.Source.AuditEntries.Count);
        Field<NonNullGraphType<StringGraphType>>("document").Description("The whole report as an indented JSON document (camelCase, enums by name), as the download and `candidate-access` give it.").Resolve(c => CandidateAccessQuery.ToJson(c.Source));
    }
}
