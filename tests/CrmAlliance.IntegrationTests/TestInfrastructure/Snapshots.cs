namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>
/// Checked-in artefacts (schema/…) compared with what the code produces. Run the tests with
/// CRM_UPDATE_SNAPSHOTS=1 to rewrite them after an intended change, then review the diff.
/// </summary>
public static class Snapshots
{
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CrmAlliance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CrmAlliance.sln not found above " + AppContext.BaseDirectory);
    }

    public static void AssertMatches(string relativePath, string actual)
    {
        var path = Path.Combine(RepositoryRoot(), relativePath);
        actual = actual.ReplaceLineEndings("\n").TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable("CRM_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{relativePath} is missing: run the tests with CRM_UPDATE_SNAPSHOTS=1 to write it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(expected == actual, $"{relativePath} no longer matches the code: run the tests with CRM_UPDATE_SNAPSHOTS=1, review the diff and commit it.");
    }
}
