extern alias api;
using System.Net;
using CrmAlliance.Benchmarks.EndToEnd;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrmAlliance.Benchmarks.Yield;

/// <summary>The real Api (its Program.cs) on the benchmark's SQLite file, in production mode, served by Kestrel on 127.0.0.1.</summary>
public sealed class YieldApiHost : WebApplicationFactory<api::Program>
{
    public const string AdminEmail = "bench-admin@crmalliance.local";
    public const string AdminPassword = "Yield-Runner-Passw0rd!";

    private readonly string database;

    public YieldApiHost(string database)
    {
        this.database = database;
        var port = WorkerHost.FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    public Uri BaseAddress { get; }

    /// <summary>A client that talks to the server over TCP, as a browser would.</summary>
    public HttpClient CreateHttpClient()
    {
        StartServer();
        return new HttpClient { BaseAddress = BaseAddress };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(ApiHost.ApiContentRoot());
        builder.UseSetting("ConnectionStrings:Crm", $"Data Source={database}");
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
