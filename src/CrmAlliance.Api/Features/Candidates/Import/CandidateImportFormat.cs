namespace CrmAlliance.Api.Features.Candidates.Import;

/// <summary>The format documentation, embedded from CandidateImportFormat.md.</summary>
public static class CandidateImportFormat
{
    public static readonly string Markdown = Load();

    /// <summary>The documentation without its title line, as the mutation's description.</summary>
    public static string Description => "Imports the candidate pool from the case system's CSV export (consultants only).\n"
        + Markdown[(Markdown.IndexOf('\n', StringComparison.Ordinal) + 1)..].TrimEnd();

    private static string Load()
    {
        using var stream = typeof(CandidateImportFormat).Assembly.GetManifestResourceStream("CandidateImportFormat.md")
            ?? throw new InvalidOperationException("CandidateImportFormat.md is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
