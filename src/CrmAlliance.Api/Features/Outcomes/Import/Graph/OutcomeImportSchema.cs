using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Candidates.Import;
using CrmAlliance.Api.Features.Candidates.Import.Graph;
using CrmAlliance.Api.Features.Companies.Import.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Outcomes.Import.Graph;

/// <summary>The <c>importOutcomeFollowUps</c> mutation; its description is OutcomeImportFormat.md, so the two cannot drift.</summary>
public sealed class OutcomeImportSchema : ISchemaContributor
{
    public void AddMutations(MutationType mutation)
        => mutation.Field<OutcomeImportReportGraphType>("importOutcomeFollowUps")
            .AllowRoles(Role.Consultant, Role.Manager, Role.Admin)
            .Description(OutcomeImportFormat.Description)
            .Argument<NonNullGraphType<ImportOutcomeFollowUpsInputGraphType>>("input", "The file's text and name, and whether only to check it.")
            .ResolveAsync(c => MutationRunner.Run<ImportOutcomeFollowUpsHandler, ImportOutcomeFollowUpsInput, OutcomeImportReport>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
}

public sealed class ImportOutcomeFollowUpsInputGraphType : CrmInputObjectGraphType<ImportOutcomeFollowUpsInput>
{
    public ImportOutcomeFollowUpsInputGraphType()
    {
        Name = "ImportOutcomeFollowUpsInput";
        Description = "An outcome follow-up file from the national registers.";
        Field(i => i.Csv).Description("The whole CSV text, header first (see the mutation's description for the columns).");
        Field(i => i.FileName, nullable: true).Description("The file's name (at most 100 characters), stored as each outcome's source so figures can be traced to it; \"outcome import <date>\" when left out.");
        Field(i => i.DryRun, nullable: true).Description("True to check the file and report without writing anything (default false).");
    }
}

public sealed class OutcomeImportReportGraphType : ObjectGraphType<OutcomeImportReport>
{
    public OutcomeImportReportGraphType()
    {
        Name = "OutcomeImportReport";
        Description = "What an outcome follow-up import did, or why it wrote nothing.";
        Field(r => r.DryRun).Description("True when the file was only checked.");
        Field(r => r.Committed).Description("True when every line was accepted and the outcomes and their events were written (never for a dry run).");
        Field(r => r.Source).Description("The import's name, stored as the source of every outcome it wrote.");
        Field(r => r.Separator).Description("The separator detected in the header: \";\" or \",\".");
        Field(r => r.LineCount).Description("Lines after the header (blank lines are not counted).");
        Field(r => r.RejectedLineCount).Description("How many lines were rejected; any at all means nothing was written.");
        Field(r => r.EventsStaged).Description("OutcomeRecorded events written to the outbox with the outcomes: one per created or corrected outcome (0 when nothing was written).");
        Field<NonNullGraphType<ImportCountsGraphType>>("outcomes")
            .Description("Accepted lines by what they do: create an outcome, correct one (updated), or find it already recorded (unchanged). When nothing was written, what the lines would do.")
            .Resolve(c => c.Source.Outcomes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutcomeImportLineGraphType>>>>("lines")
            .Description("Every line of the file in order, with its status and problems.")
            .Argument<ListGraphType<NonNullGraphType<ImportLineStatusGraphType>>>("statuses", "Only lines with one of these statuses, e.g. `[REJECTED]`; every line when left out.")
            .Resolve(c => c.Source.LinesWith(c.GetArgument<List<ImportLineStatus>?>("statuses")));
    }
}

public sealed class OutcomeImportLineGraphType : ObjectGraphType<OutcomeImportLineReport>
{
    public OutcomeImportLineGraphType()
    {
        Name = "OutcomeImportLine";
        Description = "One line of an outcome follow-up file and what became of it.";
        Field(l => l.Line).Description("Line number in the file; the header is line 1.");
        Field(l => l.CaseReference, nullable: true).Description("The line's case reference; null when the reference itself was refused (a CPR number is never repeated).");
        Field<IdGraphType>("placementId").Description("Global ID of the placement the line names; null when the cell could not be read.")
            .Resolve(c => c.Source.PlacementId is { } id ? GlobalId.Encode("Placement", id) : null);
        Field(l => l.MonthsAfterEnd, nullable: true).Description("The observation point the line gives; null when the cell could not be read.");
        Field<NonNullGraphType<ImportLineStatusGraphType>>("status")
            .Description("What the line did, or would do (dry run, or a file with rejected lines): CREATED, UPDATED (a correction), UNCHANGED or REJECTED.")
            .Resolve(c => c.Source.Status);
        Field<IdGraphType>("outcomeId").Description("Global ID of the outcome: the recorded one, or the new one once written; null otherwise.")
            .Resolve(c => c.Source.OutcomeId is { } id ? GlobalId.Encode("Outcome", id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportLineErrorGraphType>>>>("errors").Description("Every problem of a rejected line, one per column at fault; empty otherwise.")
            .Resolve(c => c.Source.Errors);
    }
}
