namespace CrmAlliance.Api.Web;

/// <summary>A file sent through <see cref="CsvImportForm"/>: its text, whether to import for real, and the page's refusal of it.</summary>
public sealed class CsvImportSubmission(string csv, bool commit)
{
    public string Csv { get; } = csv;

    public bool Commit { get; } = commit;

    /// <summary>Set by the page when the file itself is refused (too large, not UTF-8, an unknown column …).</summary>
    public string? Refusal { get; set; }
}
