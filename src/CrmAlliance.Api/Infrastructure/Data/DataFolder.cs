namespace CrmAlliance.Api.Infrastructure.Data;

/// <summary>
/// The embedded default's folder for what it keeps on disk (the SQLite file, mail written as files): data/ at the
/// repository root (found by CrmAlliance.sln, git-ignored), else under the content root.
/// </summary>
public static class DataFolder
{
    public static string Resolve(string contentRoot)
    {
        var directory = new DirectoryInfo(contentRoot);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CrmAlliance.sln")))
        {
            directory = directory.Parent;
        }

        var folder = Path.Combine(directory?.FullName ?? contentRoot, "data");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
