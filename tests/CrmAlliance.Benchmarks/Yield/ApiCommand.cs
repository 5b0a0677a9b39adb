extern alias api;
extern alias datageneration;
using System.Diagnostics;

namespace CrmAlliance.Benchmarks.Yield;

/// <summary>Runs one of the Api's command-line commands (rebuild-yield), or the data generator, in a child process and echoes its output.</summary>
public static class ApiCommand
{
    public static Task<(int ExitCode, string Output, TimeSpan Elapsed)> RunAsync(string database, params string[] args)
        => RunAsync(typeof(api::Program).Assembly.Location, database, args);

    /// <summary>The data generator (CrmAlliance.DataGeneration) with these options: seeds and rebuilds the yield read model.</summary>
    public static Task<(int ExitCode, string Output, TimeSpan Elapsed)> GenerateAsync(string database, params string[] args)
        => RunAsync(typeof(datageneration::CrmAlliance.DataGeneration.Program).Assembly.Location, database, args);

    private static async Task<(int ExitCode, string Output, TimeSpan Elapsed)> RunAsync(string dll, string database, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add($"--ConnectionStrings:Crm=Data Source={database}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Bootstrap__AdminEmail"] = YieldApiHost.AdminEmail;
        start.Environment["Bootstrap__AdminPassword"] = YieldApiHost.AdminPassword;
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var output = new System.Text.StringBuilder();
        async Task Pump(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                Console.WriteLine("    " + line);
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }

        await Task.WhenAll(Pump(process.StandardOutput), Pump(process.StandardError), process.WaitForExitAsync());
        return (process.ExitCode, output.ToString(), clock.Elapsed);
    }
}
