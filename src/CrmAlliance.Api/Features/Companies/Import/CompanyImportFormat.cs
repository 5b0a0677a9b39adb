namespace CrmAlliance.Api.Features.Companies.Import;

/// <summary>The format documentation, embedded from CompanyImportFormat.md.</summary>
public static class CompanyImportFormat
{
    public static readonly string Markdown = Load();

    /// <summary>The documentation without its title line, as the mutation's description.</summary>
    public static string Description => "Imports companies with their workplaces and contact persons from a CSV file (consultants only).\n"
        + Markdown[(Markdown.IndexOf('\n', StringComparison.Ordinal) + 1)..].TrimEnd();

    private static string Load()
    {
        using var stream = typeof(CompanyImportFormat).Assembly.GetManifestResourceStream("CompanyImportFormat.md")
            ?? throw new InvalidOperationException("CompanyImportFormat.md is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
