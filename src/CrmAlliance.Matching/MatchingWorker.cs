namespace CrmAlliance.Matching;

/// <summary>The worker host: <c>dotnet run --project src/CrmAlliance.Matching</c>.</summary>
public static class MatchingWorker
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        using var host = builder.Build();
        await host.RunAsync();
    }
}
