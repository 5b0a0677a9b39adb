using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Companies.Import.Graph;

/// <summary>The <c>importCompanies</c> mutation; its description is CompanyImportFormat.md, so the two cannot drift.</summary>
public sealed class CompanyImportSchema : ISchemaContributor
{
    public void AddMutations(MutationType mutation)
    {
        mutation.Field<CompanyImportReportGraphType>("importCompanies")
            .AllowRoles(Role.Consultant)
            .Description(CompanyImportFormat.Description)
            .Argument<NonNullGraphType<ImportCompaniesInputGraphType>>("input", "The file's text, and whether only to check it.")
            .ResolveAsync(c => MutationRunner.Run<ImportCompaniesHandler, ImportCompaniesInput, CompanyImportReport>(c, (h, i, a, ct) => h.HandleAsync(i, a, ct)));
    }
}

public sealed class ImportCompaniesInputGraphType : CrmInputObjectGraphType<ImportCompaniesInput>
{
    public ImportCompaniesInputGraphType()
    {
        Name = "ImportCompaniesInput";
        Description = "A company import file.";
        Field(i => i.Csv).Description("The whole CSV text, header first (see the mutation's description for the columns).");
        Field(i => i.DryRun, nullable: true).Description("True to check the file and report without writing anything (default false).");
    }
}

public sealed class CompanyImportReportGraphType : ObjectGraphType<CompanyImportReport>
{
    public CompanyImportReportGraphType()
    {
        Name = "CompanyImportReport";
        Description = "What an import did, or why it wrote nothing.";
        Field(r => r.DryRun).Description("True when the file was only checked.");
        Field(r => r.Committed).Description("True when every line was accepted and the rows were written (never for a dry run).");
        Field(r => r.Separator).Description("The separator detected in the header: \";\" or \",\".");
        Field(r => r.LineCount).Description("Lines after the header (blank lines are not counted).");
        Field(r => r.RejectedLineCount).Description("How many lines were rejected; any at all means nothing was written.");
        Field<NonNullGraphType<ImportCountsGraphType>>("companies").Description("Companies created, updated and unchanged (zero when lines were rejected).").Resolve(c => c.Source.Companies);
        Field<NonNullGraphType<ImportCountsGraphType>>("workplaces").Description("Workplaces created, updated and unchanged.").Resolve(c => c.Source.Workplaces);
        Field<NonNullGraphType<ImportCountsGraphType>>("contacts").Description("Contact persons created, updated and unchanged.").Resolve(c => c.Source.Contacts);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportRejectionGraphType>>>>("rejections")
            .Description("Every problem found, by line: one entry per line and column at fault.")
            .Resolve(c => c.Source.Rejections);
    }
}

public sealed class ImportCountsGraphType : ObjectGraphType<ImportCounts>
{
    public ImportCountsGraphType()
    {
        Name = "ImportCounts";
        Description = "Rows an import created, changed and found already up to date.";
        Field(c => c.Created).Description("New rows.");
        Field(c => c.Updated).Description("Known rows with at least one changed value.");
        Field(c => c.Unchanged).Description("Known rows the file did not change.");
    }
}

public sealed class ImportRejectionGraphType : ObjectGraphType<ImportRejection>
{
    public ImportRejectionGraphType()
    {
        Name = "ImportRejection";
        Description = "Why a line of an import file was rejected.";
        Field(r => r.Line).Description("Line number in the file; the header is line 1.");
        Field(r => r.Cvr, nullable: true).Description("The line's CVR number, as written, when it has one.");
        Field(r => r.Field).Description("The column at fault (its English name), or `line` for the line as a whole.");
        Field(r => r.Reason).Description("What is wrong.");
    }
}
