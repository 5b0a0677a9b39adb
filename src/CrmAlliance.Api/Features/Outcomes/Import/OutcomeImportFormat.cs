namespace CrmAlliance.Api.Features.Outcomes.Import;

/// <summary>The format documentation, embedded from OutcomeImportFormat.md.</summary>
public static class OutcomeImportFormat
{
    public static readonly string Markdown = Load();

    /// <summary>The documentation without its title line, as the mutation's description.</summary>
    public static string Description => "Imports outcome follow-ups from the national registers' CSV extract (consultants, managers and admins).\n"
        + Markdown[(Markdown.IndexOf('\n', StringComparison.Ordinal) + 1)..].TrimEnd();

    private static string Load()
    {
        using var stream = typeof(OutcomeImportFormat).Assembly.GetManifestResourceStream("OutcomeImportFormat.md")
            ?? throw new InvalidOperationException("OutcomeImportFormat.md is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
