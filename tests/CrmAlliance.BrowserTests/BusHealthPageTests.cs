using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmAlliance.BrowserTests;

/// <summary>
/// The Admin's bus health page, on a host of its own so that nothing else waits in its outbox: an event the broker
/// refused (kept back until later) and two messages consumers gave up on.
/// </summary>
public sealed class BusHealthPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task An_admin_sees_the_outbox_backlog_its_oldest_event_and_the_consumer_failures_newest_first()
    {
        var now = DateTimeOffset.UtcNow;
        await fixture.Host.RunAsync(async services =>
        {
            var db = services.GetRequiredService<CrmDbContext>();
            // Not due again for a day: the dispatcher leaves it waiting, as it would while the broker is down.
            var waiting = OutboxMessage.Create(Guid.NewGuid(), new Contracts.CandidateWithdrawn(Guid.NewGuid(), now), now.AddMinutes(-30));
            waiting.Attempts = 3;
            waiting.NextAttemptAt = now.AddDays(1);
            waiting.LastError = "Broker unreachable: connection refused";
            db.OutboxMessages.Add(waiting);
            db.ConsumerFailures.Add(new ConsumerFailure { MessageType = "VacancyPosted", ExceptionType = "TimeoutException", ExceptionMessage = "Scoring timed out", Host = "matching-1 (CrmAlliance.Matching.Worker)", OccurredAt = now.AddHours(-2), FaultedMessageId = Guid.NewGuid() });
            db.ConsumerFailures.Add(new ConsumerFailure { MessageType = "PlacementStarted", ExceptionType = "InvalidOperationException", ExceptionMessage = "Yield cell missing", Host = "api-1 (CrmAlliance.Api)", OccurredAt = now.AddMinutes(-5) });
            return await db.SaveChangesAsync();
        });

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/log-ind");
        await page.GetByLabel("E-mail").FillAsync("admin@browser.test");
        await page.GetByLabel("Adgangskode").FillAsync(WebHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" }).GetByRole(AriaRole.Link, new() { Name = "Bussens tilstand" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bussens tilstand", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("backlog")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("retrying")).ToHaveTextAsync("1");
        var oldest = page.GetByTestId("oldest-unsent");
        await Assertions.Expect(oldest).ToContainTextAsync("CandidateWithdrawn");
        await Assertions.Expect(oldest).ToContainTextAsync("Broker unreachable: connection refused");
        await Assertions.Expect(page.GetByTestId("failure-count")).ToHaveTextAsync("2 fejl registreret");
        var rows = page.GetByTestId("failures").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("PlacementStarted");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("InvalidOperationException: Yield cell missing");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("VacancyPosted");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("matching-1 (CrmAlliance.Matching.Worker)");
        await BrowserFixture.CheckPageAsync(page, "admin-bus");
    }
}
