using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Web;

/// <summary>A file sent through <see cref="CsvImportForm"/>: its text, whether to import for real, and the page's refusal of it.</summary>
/// <param name="progress">Where the import tells how far it has come (the form shows it).</param>
/// <param name="finished">Called on the renderer's thread when the import has ended, before the page goes on to its report.</param>
public sealed class CsvImportSubmission(string csv, bool commit, IProgress<ImportProgress> progress, Action finished)
{
    public string Csv { get; } = csv;

    public bool Commit { get; } = commit;

    /// <summary>Set by the page when the file itself is refused (too large, not UTF-8, an unknown column …).</summary>
    public string? Refusal { get; set; }

    /// <summary>
    /// Runs the import away from the renderer's thread, telling the form how far it has come. On the renderer's thread
    /// the import's synchronous stretches (reading the lines; SQLite, whose "async" calls complete synchronously) would
    /// hold back every render of its progress until it was over. The import keeps the request's scope (one DbContext,
    /// used by it alone), and the page carries on with the report on the renderer's thread, the progress gone by then.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<IProgress<ImportProgress>, Task<T>> import)
    {
        try
        {
            return await Task.Run(() => import(progress));
        }
        finally
        {
            finished();
        }
    }
}
