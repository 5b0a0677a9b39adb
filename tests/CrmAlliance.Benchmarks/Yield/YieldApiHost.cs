extern alias api;
using CrmAlliance.Benchmarks.EndToEnd;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrmAlliance.Benchmarks.Yield;

/// <summary>The real Api (its Program.cs) on the benchmark's SQLite file, in production mode, served in-process.</summary>
public sealed class YieldApiHost(string database) : WebApplicationFactory<api::Program>
{
    public const string AdminEmail = "bench-admin@crmalliance.local";
    public const string AdminPassword = "Bench-Admin-Passw0rd!";

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
