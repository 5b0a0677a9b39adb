using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Companies.Import.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Candidates.Import.Graph;

/// <summary>The <c>importCandidates</c> mutation; its description is CandidateImportFormat.md, so the two cannot drift.</summary>
public sealed class CandidateImportSchema : ISchemaContributor
{
    public void AddMutations(MutationType mutation)
    {
        mutation.Field<CandidateImportReportGraphType>("importCandidates")
            .AllowRoles(Role.Consultant)
            .Description(CandidateImportFormat.Description)
            .Argument<NonNullGraphType<ImportCandidatesInputGraphType>>("input", "The file's text, and whether only to check it.")
            .ResolveAsync(c => MutationRunner.Run<ImportCandidatesHandler, ImportCandidatesInput, CandidateImportReport>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
    }
}

public sealed class ImportCandidatesInputGraphType : CrmInputObjectGraphType<ImportCandidatesInput>
{
    public ImportCandidatesInputGraphType()
    {
        Name = "ImportCandidatesInput";
        Description = "A candidate import file.";
        Field(i => i.Csv).Description("The whole CSV text, header first (see the mutation's description for the columns).");
        Field(i => i.DryRun, nullable: true).Description("True to check the file and report without writing anything (default false).");
    }
}

public sealed class CandidateImportReportGraphType : ObjectGraphType<CandidateImportReport>
{
    public CandidateImportReportGraphType()
    {
        Name = "CandidateImportReport";
        Description = "What a candidate import did, or why it wrote nothing.";
        Field(r => r.DryRun).Description("True when the file was only checked.");
        Field(r => r.Committed).Description("True when every line was accepted and the candidates and their events were written (never for a dry run).");
        Field(r => r.Separator).Description("The separator detected in the header: \";\" or \",\".");
        Field(r => r.LineCount).Description("Lines after the header (blank lines are not counted).");
        Field(r => r.RejectedLineCount).Description("How many lines were rejected; any at all means nothing was written.");
        Field<NonNullGraphType<ImportCountsGraphType>>("candidates")
            .Description("Accepted lines by what they do: create, update or leave unchanged a candidate. When nothing was written, what the lines would do.")
            .Resolve(c => c.Source.Candidates);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CandidateImportLineGraphType>>>>("lines")
            .Description("Every line of the file in order, with its status and problems.")
            .Argument<ListGraphType<NonNullGraphType<ImportLineStatusGraphType>>>("statuses", "Only lines with one of these statuses, e.g. `[REJECTED]`; every line when left out.")
            .Resolve(c => c.Source.LinesWith(c.GetArgument<List<ImportLineStatus>?>("statuses")));
    }
}

public sealed class CandidateImportLineGraphType : ObjectGraphType<CandidateImportLineReport>
{
    public CandidateImportLineGraphType()
    {
        Name = "CandidateImportLine";
        Description = "One line of a candidate import file and what became of it.";
        Field(l => l.Line).Description("Line number in the file; the header is line 1.");
        Field(l => l.CaseReference, nullable: true).Description("The line's case reference; null when the reference itself was refused (a CPR number is never repeated).");
        Field<NonNullGraphType<ImportLineStatusGraphType>>("status").Description("What the line did, or would do (dry run, or a file with rejected lines).").Resolve(c => c.Source.Status);
        Field<IdGraphType>("candidateId").Description("Global ID of the candidate the line is about: a known one, or the new one once written; null otherwise.")
            .Resolve(c => c.Source.CandidateId is { } id ? GlobalId.Encode("Candidate", id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportLineErrorGraphType>>>>("errors").Description("Every problem of a rejected line, one per column at fault; empty otherwise.")
            .Resolve(c => c.Source.Errors);
    }
}

public sealed class ImportLineStatusGraphType : EnumerationGraphType
{
    public ImportLineStatusGraphType()
    {
        Name = "ImportLineStatus";
        Description = "What a line of an import file does.";
        Add("CREATED", ImportLineStatus.Created, "A new record (registered).");
        Add("UPDATED", ImportLineStatus.Updated, "A known record with at least one changed value.");
        Add("UNCHANGED", ImportLineStatus.Unchanged, "A known record the line does not change.");
        Add("REJECTED", ImportLineStatus.Rejected, "The line has errors; the file writes nothing.");
    }
}

public sealed class ImportLineErrorGraphType : ObjectGraphType<ImportLineError>
{
    public ImportLineErrorGraphType()
    {
        Name = "ImportLineError";
        Description = "One problem with a line of an import file.";
        Field(e => e.Field).Description("The column at fault (its English name), or `line` for the line as a whole.");
        Field(e => e.Reason).Description("What is wrong.");
    }
}
