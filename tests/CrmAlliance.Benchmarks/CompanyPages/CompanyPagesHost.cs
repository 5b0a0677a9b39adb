extern alias api;
using System.Data.Common;
using System.Diagnostics;
using System.Net;
using api::CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Benchmarks.EndToEnd;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.Benchmarks.CompanyPages;

/// <summary>
/// The real Api on the benchmark's SQLite file in production mode, served by Kestrel on 127.0.0.1, with the server
/// time and SQL round trips of each request recorded (requests are sent one at a time). Load drivers pass
/// <paramref name="meterRequests"/> false (one meter cannot follow concurrent requests), their own
/// <paramref name="settings"/> (e.g. <c>Seed:Demo</c>) and <paramref name="services"/> (e.g. comparison endpoints).
/// </summary>
public sealed class CompanyPagesHost(
    string database,
    IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null,
    bool meterRequests = true) : WebApplicationFactory<api::Program>
{
    public const string AdminEmail = "bench-admin@crmalliance.local";
    public const string AdminPassword = "Yield-Runner-Passw0rd!";

    private readonly int port = WorkerHost.FreePort();

    public Uri BaseAddress => new($"http://127.0.0.1:{port}/");

    public RequestMeter Meter { get; } = new();

    public void Start()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(ApiHost.ApiContentRoot());
        builder.UseSetting("ConnectionStrings:Crm", $"Data Source={database}");
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(collection =>
        {
            if (meterRequests)
            {
                collection.AddSingleton<IStartupFilter>(new TimingFilter(Meter));
                collection.ConfigureDbContext<SqliteCrmDbContext>(o => o.AddInterceptors(Meter));
            }

            services?.Invoke(collection);
        });
    }

    /// <summary>Server time of the last request (from the first middleware to the last byte written) and its SQL commands.</summary>
    public sealed class RequestMeter : DbCommandInterceptor
    {
        private static readonly AsyncLocal<bool> InRequest = new();
        private int commands;

        public double LastMilliseconds { get; private set; }

        public int LastCommands { get; private set; }

        /// <summary>Counts from here on only the commands of this request's flow (not background services').</summary>
        public void Begin()
        {
            InRequest.Value = true;
            Interlocked.Exchange(ref commands, 0);
        }

        public void End(double milliseconds)
        {
            LastMilliseconds = milliseconds;
            LastCommands = Volatile.Read(ref commands);
        }

        private void Count()
        {
            if (InRequest.Value)
            {
                Interlocked.Increment(ref commands);
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count();
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count();
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class TimingFilter(RequestMeter meter) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, call) =>
            {
                meter.Begin();
                var started = Stopwatch.GetTimestamp();
                await call(context);
                meter.End(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            });
            next(app);
        };
    }
}
