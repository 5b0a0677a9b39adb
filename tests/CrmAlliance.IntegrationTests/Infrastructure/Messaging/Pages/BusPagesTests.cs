using System.Net;
using System.Net.Http.Json;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrmAlliance.IntegrationTests.Infrastructure.Messaging.Pages;

/// <summary>The bus page and <c>backgroundWork</c> show a yield rebuild's progress (as its lease row says) to an Admin.</summary>
public sealed class BusPagesTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = factory.NewDbContext();
        db.YieldRebuildRuns.RemoveRange(db.YieldRebuildRuns);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => InitializeAsync();

    [Fact]
    public async Task The_bus_page_shows_a_rebuild_under_way_with_phase_progress_rate_and_time_left_in_Danish()
    {
        var admin = await SignInWithCookieAsync();
        Assert.Contains("Intet baggrundsarbejde kører lige nu.", await HtmlAsync(admin), StringComparison.Ordinal);

        await ArrangeRunAsync(done: 250_000, total: 1_000_000, running: TimeSpan.FromSeconds(10));
        var html = await HtmlAsync(admin);

        Assert.Contains("Partnerudbyttets læsemodel genberegnes", html, StringComparison.Ordinal);
        Assert.Contains("Forløb og celler beregnes", html, StringComparison.Ordinal);
        Assert.Contains("250.000 af 1.000.000 forløb (25,0 %)", html, StringComparison.Ordinal);
        Assert.Contains("25.000 forløb pr. sekund", html, StringComparison.Ordinal);
        Assert.Contains("ca. 0 min 30 s", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Intet baggrundsarbejde", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackgroundWork_reports_the_rebuild_with_rate_and_time_left()
    {
        await ArrangeRunAsync(done: 500, total: 2_000, running: TimeSpan.FromSeconds(5));
        const string Query = "{ backgroundWork { kind phase done total ratePerSecond secondsLeft } }";

        var data = await (await factory.SignInAsAdminAsync()).QueryAsync(Query);
        var work = data["backgroundWork"]!.AsArray().Single()!;
        Assert.Equal("YieldRebuild", (string?)work["kind"]);
        Assert.Equal("Cells", (string?)work["phase"]);
        Assert.Equal(500, (int?)work["done"]);
        Assert.Equal(2_000, (int?)work["total"]);
        Assert.Equal(100, (double?)work["ratePerSecond"]);
        Assert.Equal(15, (int?)work["secondsLeft"]);
    }

    private async Task ArrangeRunAsync(long done, long total, TimeSpan running)
    {
        await using var db = factory.NewDbContext();
        var now = DateTimeOffset.UtcNow;
        db.YieldRebuildRuns.Add(new YieldRebuildRun
        {
            ProjectionFingerprint = "next",
            LeaseHolder = "replica-1/1/test",
            Phase = nameof(YieldRebuildPhase.Cells),
            LeaseExpiresAt = now.AddMinutes(1),
            StartedAt = now - running,
            UpdatedAt = now,
            Done = done,
            Total = total,
        });
        await db.SaveChangesAsync();
    }

    private static async Task<string> HtmlAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/admin/bus");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> SignInWithCookieAsync()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.PostAsJsonAsync("/auth/login?useCookies=true", new { email = CrmApiFactory.AdminEmail, password = CrmApiFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }
}
