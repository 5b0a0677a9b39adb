using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Documentation;

/// <summary>
/// Every <c>dotnet run --project src/…</c> line of the README runs as written: through <c>dotnet run</c> (so the launch
/// profile applies), from the repository root, with the environment the line sets. Only what cannot run as written
/// here is changed, and said so: the database is a temporary file, the web hosts listen on a free port and are stopped
/// once ready, the generator's sizes are small, and placeholders get values. Benchmarks (<c>-c Release</c>) are not run.
/// </summary>
public sealed partial class ReadmeCommandsTests : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(2);
    private readonly string folder = Directory.CreateTempSubdirectory("crm-readme-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_README_shows_the_commands_this_test_runs()
    {
        var projects = ReadmeCommands().Select(c => c.Project + " " + c.FirstArgument).ToHashSet();

        Assert.Subset(projects, new HashSet<string>
        {
            "src/CrmAlliance.Api --seed-demo",
            "src/CrmAlliance.Api rebuild-yield",
            "src/CrmAlliance.Api import-outcomes",
            "src/CrmAlliance.Api backup-database",
            "src/CrmAlliance.Api migrate",
            "src/CrmAlliance.Api erase-expired",
            "src/CrmAlliance.Api candidate-access",
            "src/CrmAlliance.Api help",
            "src/CrmAlliance.DataGeneration --companies",
            "src/CrmAlliance.Matching.Worker ",
        });
        Assert.Contains(ReadmeCommands(), c => c.Environment.GetValueOrDefault("ASPNETCORE_ENVIRONMENT") == "Production");
    }

    [Fact]
    public async Task Each_documented_Api_command_runs_on_a_fresh_database()
    {
        var database = Path.Combine(folder, "crm.db");
        var commands = ReadmeCommands().Where(c => c.Project == "src/CrmAlliance.Api").ToList();

        // The first start, with the demo data the later commands use.
        var start = commands.First(c => c.FirstArgument == "--seed-demo" && c.Environment.Count == 0);
        var started = await RunAsync(start, database, untilReady: true);
        Assert.Contains("Hosting environment: Development", started, StringComparison.Ordinal);
        Assert.Contains("Loaded the demo data", started, StringComparison.Ordinal);

        var rebuild = await RunAsync(commands.Single(c => c.FirstArgument == "rebuild-yield"), database);
        Assert.Contains("Rebuilt the yield read model", rebuild, StringComparison.Ordinal);

        var migrate = await RunAsync(commands.Single(c => c.FirstArgument == "migrate"), database);
        Assert.Contains("The database is up to date", migrate, StringComparison.Ordinal);

        // The README's file name stands for the user's file: here one with the header and no lines, in the test's folder.
        var followUps = Path.Combine(folder, "followups.csv");
        await File.WriteAllTextAsync(followUps, "caseReference,placementId,monthsAfterEnd,endResult,selfSupporting,observedOn\n");
        var importLine = commands.Single(c => c.FirstArgument == "import-outcomes");
        var import = await RunAsync(importLine with { Arguments = [.. importLine.Arguments.Select(a => a == "followups.csv" ? followUps : a)] }, database);
        Assert.Contains("0 lines", import, StringComparison.Ordinal);

        // The README's backup file name stands for the user's: here a new file in the test's folder.
        var backupLine = commands.Single(c => c.FirstArgument == "backup-database");
        var backup = await RunAsync(backupLine with { Arguments = [.. backupLine.Arguments.Select(a => a == "crmalliance-backup.db" ? Path.Combine(folder, "backup.db") : a)] }, database);
        Assert.Contains("integrity ok", backup, StringComparison.Ordinal);

        var dryRun = await RunAsync(commands.Single(c => c.FirstArgument == "erase-expired" && c.Arguments.Contains("--dry-run")), database);
        Assert.Contains("nothing changed", dryRun, StringComparison.Ordinal);

        var help = await RunAsync(commands.Single(c => c.FirstArgument == "help"), database);
        Assert.Contains("rebuild-yield", help, StringComparison.Ordinal);
        Assert.Contains("import-outcomes", help, StringComparison.Ordinal);
        Assert.Contains("erase-expired", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_documented_Production_start_runs_in_Production()
    {
        var production = ReadmeCommands().First(c => c.Project == "src/CrmAlliance.Api" && c.Environment.GetValueOrDefault("ASPNETCORE_ENVIRONMENT") == "Production");

        var output = await RunAsync(production, Path.Combine(folder, "production.db"), untilReady: true);

        Assert.Contains("Hosting environment: Production", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_documented_data_generator_and_worker_start()
    {
        var generator = ReadmeCommands().Single(c => c.Project == "src/CrmAlliance.DataGeneration");
        var generated = await RunAsync(generator with { Arguments = SmallSizes(generator.Arguments) }, Path.Combine(folder, "generated.db"));
        Assert.Contains("Rebuilding the yield read model from the generated rows", generated, StringComparison.Ordinal);

        var worker = ReadmeCommands().Single(c => c.Project == "src/CrmAlliance.Matching.Worker");
        var workerOutput = await RunAsync(worker, database: null, untilReady: true);
        Assert.Contains("Now listening on", workerOutput, StringComparison.Ordinal);
    }

    /// <summary>The README's <c>dotnet run --project src/…</c> lines, continuation lines joined and comments dropped.</summary>
    private static List<ReadmeCommand> ReadmeCommands()
    {
        var text = File.ReadAllText(Path.Combine(Snapshots.RepositoryRoot(), "README.md")).ReplaceLineEndings("\n").Replace("\\\n", " ", StringComparison.Ordinal);
        return text.Split('\n')
            .Select(line => CommentPattern().Replace(line, "").Trim())
            .Where(line => line.Contains("dotnet run --project src/", StringComparison.Ordinal))
            .Select(ReadmeCommand.Parse)
            .ToList();
    }

    private static string[] SmallSizes(string[] arguments)
    {
        var result = arguments.ToArray();
        for (var i = 0; i < result.Length - 1; i++)
        {
            result[i + 1] = result[i] switch { "--companies" => "5", "--placements" => "100", _ => result[i + 1] };
        }

        return result;
    }

    /// <summary>
    /// Runs <c>dotnet run --no-build --project …</c> (the test run has built it) and returns its output. With
    /// <paramref name="untilReady"/> the host is stopped once it listens; otherwise the command must exit with 0.
    /// </summary>
    private static async Task<string> RunAsync(ReadmeCommand command, string? database, bool untilReady = false)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Snapshots.RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "run", "--no-build", "-c", configuration, "--project", command.Project, "--" }.Concat(command.Arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        if (database is not null)
        {
            start.ArgumentList.Add($"--ConnectionStrings:Crm=Data Source={database}");
        }

        // The child gets the machine's environment less what the test host set, plus what the README line sets.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (name, value) in command.Environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(object? sender, DataReceivedEventArgs e)
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Now listening on", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        }

        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        try
        {
            if (untilReady)
            {
                await Task.WhenAny(ready.Task, process.WaitForExitAsync(timeout.Token));
                Assert.True(ready.Task.IsCompleted, $"'{command}' did not start listening:\n{output}");
            }
            else
            {
                await process.WaitForExitAsync(timeout.Token);
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, $"'{command}' exited with {process.ExitCode}:\n{output}");
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"'{command}' did not finish in {ReadyTimeout}:\n{output}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }

        var text = output.ToString();
        Assert.DoesNotContain("Unhandled exception", text, StringComparison.Ordinal);
        return text;
    }

    [GeneratedRegex(@"\s+#\s.*$")]
    private static partial Regex CommentPattern();

    /// <summary>One README line: the environment it sets, the project, and the arguments after <c>--</c>.</summary>
    private sealed record ReadmeCommand(IReadOnlyDictionary<string, string> Environment, string Project, string[] Arguments, string Line)
    {
        public string FirstArgument => Arguments.FirstOrDefault() ?? "";

        public static ReadmeCommand Parse(string line)
        {
            var words = ShellWords(line);
            var environment = new Dictionary<string, string>();
            var i = 0;
            for (; i < words.Count && words[i] != "dotnet" && words[i].Contains('=', StringComparison.Ordinal); i++)
            {
                var (name, value) = (words[i][..words[i].IndexOf('=', StringComparison.Ordinal)], words[i][(words[i].IndexOf('=', StringComparison.Ordinal) + 1)..]);
                environment[name] = value == "<key>" ? "readme-test-key" : value;
            }

            var project = words[words.IndexOf("--project") + 1];
            var separator = words.IndexOf("--");
            var arguments = separator < 0 ? [] : words.Skip(separator + 1)
                .Where(w => !(w.StartsWith('[') && w.EndsWith(']')))
                .ToArray();
            return new ReadmeCommand(environment, project, arguments, line);
        }

        public override string ToString() => Line;

        /// <summary>Splits like a POSIX shell does for these lines: spaces separate, quotes group and are removed.</summary>
        private static List<string> ShellWords(string line)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            char? quote = null;
            var inWord = false;
            foreach (var c in line)
            {
                if (quote is { } q)
                {
                    if (c == q)
                    {
                        quote = null;
                    }
                    else
                    {
                        current.Append(c);
                    }
                }
                else if (c is '\'' or '"')
                {
                    quote = c;
                    inWord = true;
                }
                else if (char.IsWhiteSpace(c))
                {
                    if (inWord)
                    {
                        words.Add(current.ToString());
                        current.Clear();
                        inWord = false;
                    }
                }
                else
                {
                    current.Append(c);
                    inWord = true;
                }
            }

            if (inWord)
            {
                words.Add(current.ToString());
            }

            return words;
        }
    }
}
