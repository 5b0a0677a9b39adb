using CrmAlliance.Api.Features.Accounts.Email;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NSubstitute;

namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>
/// The Api in-process over a real database of its own (deleted afterwards): a SQLite file, or with
/// <see cref="PostgresApiFactory"/> a PostgreSQL database. E-mail, which leaves the system, is a substitute whose
/// calls tests can read.
/// </summary>
public class CrmApiFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;

    public CrmApiFactory()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>With extra configuration and service changes (internal: xunit fixtures need one public constructor).</summary>
    internal CrmApiFactory(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services = null, TestDatabase? database = null)
    {
        _settings = settings;
        _services = services;
        Database = database ?? new SqliteTestDatabase();
    }

    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Fixture-Passw0rd-Test";

    public TestDatabase Database { get; }

    public IAccountEmailSender Email { get; } = Substitute.For<IAccountEmailSender>();

    public SqlCommandCounter Commands { get; } = new();

    /// <summary>The connection string of this factory's database, for a second host over the same file (a second replica).</summary>
    public string ConnectionString => Database.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Crm", Database.ConnectionString);
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);

        // Every test signs in, all from one address (the in-process server has none): the sign-in rate limits are
        // tested with their own tight settings in SignInRateLimitTests.
        builder.UseSetting("Identity:RateLimits:PerAddress:PermitLimit", "1000000");
        builder.UseSetting("Identity:RateLimits:PerAccount:PermitLimit", "1000000");

        // Reports are read when a test asks for them, not by a background round racing its assertions; the warm-up
        // has its own test (YieldReportWarmerTests).
        builder.UseSetting("YieldWarmUp:KeepWarmSeconds", "0");

        // The daily retention job would erase whatever a test arranged as old; retention tests run its work themselves.
        builder.UseSetting("Retention:JobEnabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IEmailSender<CrmAlliance.Api.Features.Accounts.ApplicationUser>>();
            services.RemoveAll<IAccountEmailSender>();
            services.AddSingleton(Email);
            services.AddSingleton<IEmailSender<CrmAlliance.Api.Features.Accounts.ApplicationUser>>(Email);
            services.AddSingleton(Commands);
            services.AddHttpContextAccessor();
            Database.ConfigureContext(services, o => o.AddInterceptors(Commands));
            _services?.Invoke(services);
        });
    }

    /// <summary>A fresh context on the test's database, for arranging rows and asserting what was stored.</summary>
    public CrmDbContext NewDbContext()
    {
        // Starting the host applies the migrations, so the tables exist before a test arranges rows.
        _ = Services;
        return Database.NewDbContext();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }
}

/// <summary>The Api in-process over a PostgreSQL database of its own, for the tests that must also hold on a server database.</summary>
public sealed class PostgresApiFactory : CrmApiFactory
{
    public PostgresApiFactory()
        : this(new Dictionary<string, string>())
    {
    }

    internal PostgresApiFactory(IReadOnlyDictionary<string, string> settings)
        : base(settings, database: TestDatabase.PostgresWhereConfigured())
    {
    }
}
