using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.BrowserTests;

/// <summary>
/// The real Api — its own Program.cs — served by Kestrel on 127.0.0.1 for the browser, over a SQLite file of its own
/// (deleted afterwards).
/// </summary>
public sealed class WebHost : WebApplicationFactory<Program>
{
    public const string Password = "Browser-Test-Passw0rd";

    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"crm-browser-{Guid.NewGuid():N}.db");

    public WebHost()
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    public Uri BaseAddress { get; }

    /// <summary>Where the app writes its e-mails as .eml files (no SMTP host configured), deleted afterwards.</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"crm-browser-mail-{Guid.NewGuid():N}");

    /// <summary>Starts the server (migrations, first Admin) once.</summary>
    public void Start() => StartServer();

    /// <summary>A user with the role (a company user of <paramref name="companyId"/>), created as an Admin would (e-mail confirmed, one role).</summary>
    public async Task<Actor> CreateUserAsync(Role role, Guid? companyId = null)
    {
        Start();
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Test {role}", CompanyId = companyId, CreatedAt = DateTimeOffset.UtcNow };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role.ToString()));
        return new Actor(user.Id, email, role, companyId);
    }

    /// <summary>Runs a feature's handler in a scope of the app, as a page or resolver would.</summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseContentRoot(ApiContentRoot());
        builder.UseSetting("ConnectionStrings:Crm", $"Data Source={_databaseFile}");
        builder.UseSetting("Bootstrap:AdminEmail", "admin@browser.test");
        builder.UseSetting("Bootstrap:AdminPassword", Password);
        builder.UseSetting("Email:PickupFolder", MailFolder);
        builder.UseSetting("Email:PublicBaseUrl", BaseAddress.AbsoluteUri);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databaseFile);
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The Api's project folder (its appsettings.json and wwwroot), from the manifest Mvc.Testing writes here.</summary>
    private static string ApiContentRoot()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        var roots = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest))
            ?? throw new InvalidOperationException($"{manifest} is empty.");
        var api = typeof(Program).Assembly.FullName!;
        return roots.TryGetValue(api, out var root) ? root : throw new InvalidOperationException($"{manifest} names no content root for {api}.");
    }
}
