using CrmAlliance.Api;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace CrmAlliance.DataGeneration;

/// <summary>
/// <c>dotnet run --project src/CrmAlliance.DataGeneration -- --companies 500</c>: builds the Api's services (the same
/// database, rules and yield rebuild, read from the Api's appsettings.json and <c>--Section:Key=value</c>
/// arguments), migrates the database, creates the roles, seeds and rebuilds the yield read model. Serves nothing.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var (hostArgs, commandArgs) = Split(args);
        // Help, or options that are wrong, before any database is touched.
        if ((await SeedCommandLine.ParseAsync(commandArgs, DanishCalendar.Today(TimeProvider.System), Console.Error)).ExitCode is { } exitCode)
        {
            return exitCode;
        }

        // The content root is the build output, where the Api's appsettings.json is copied; the default SQLite
        // file is still data/crmalliance.db at the repository root (DatabaseSetup.DefaultSqliteFile).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = AppContext.BaseDirectory });
        ReadApiSettings(builder.Configuration.Sources);
        builder.AddCrmAlliance();
        builder.Services.AddDataGeneration();
        await using var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CrmDbContext>().MigrateAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureRolesAsync();
        }

        return await SeedCommandLine.RunAsync(host.Services, commandArgs, Console.Error);
    }

    /// <summary>
    /// The Api's appsettings.json (copied as <see cref="ApiSettingsFile"/>) in place of the build output's
    /// appsettings.json, which another referenced project's may have overwritten; later sources (environment,
    /// command line) still override it.
    /// </summary>
    private static void ReadApiSettings(IList<IConfigurationSource> sources)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: "appsettings.json" })
            {
                sources[i] = new JsonConfigurationSource { Path = ApiSettingsFile, Optional = false };
            }
        }
    }

    private const string ApiSettingsFile = "CrmAlliance.Api.appsettings.json";

    /// <summary>Configuration arguments (<c>--Section:Key=value</c>) go to the host; the rest are the generator's options.</summary>
    public static (string[] HostArgs, string[] CommandArgs) Split(IEnumerable<string> args)
    {
        var list = args.ToList();
        var host = list.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray();
        return (host, list.Except(host).ToArray());
    }
}
