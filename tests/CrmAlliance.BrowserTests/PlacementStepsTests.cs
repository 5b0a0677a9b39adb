using System.Globalization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmAlliance.BrowserTests;

/// <summary>
/// The placement page's steps beside the checklist: a consultant records a rule exemption (dispensation), which the
/// approval then honours as the core does, and calls a placement off with a reason.
/// </summary>
public sealed class PlacementStepsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static DateOnly Today => DanishCalendar.Today(TimeProvider.System);

    private static string LongToday => Today.ToString("d. MMM yyyy", CultureInfo.GetCultureInfo("da-DK"));

    [BrowserFact]
    public async Task A_consultant_exempts_a_proposed_internship_from_the_ratio_rule_and_can_then_approve_it()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var placementId = await ProposedInternshipAsync(consultant, "Hals Savværk ApS", placeTaken: true);
        var page = await fixture.SignInAsync(consultant.Email, $"/forloeb/{placementId}");

        // None yet; only the rules that apply to an internship are offered.
        var exemptions = page.GetByTestId("exemptions");
        await Assertions.Expect(page.GetByTestId("no-exemptions")).ToContainTextAsync("Der er ikke registreret nogen dispensation for forløbet.");
        var rule = page.GetByLabel("Dispensation fra");
        await Assertions.Expect(rule.Locator("option")).ToHaveTextAsync(["Vælg regel", "rimelighedskravet", "den længste varighed"]);

        // The workplace's one place is taken: the approval is refused by the ratio rule, in Danish.
        await page.GetByTestId("approve-submit").ClickAsync();
        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Arbejdsstedet har 1 af 1 tilladte pladser i praktik/løntilskud for 4 ordinære ansatte");
        await Assertions.Expect(page.Locator("[data-step=godkendelse]")).ToHaveAttributeAsync("data-done", "false");

        // An exemption needs a rule and a reason.
        await rule.SelectOptionAsync(new SelectOptionValue { Label = "rimelighedskravet" });
        await page.GetByTestId("exemption-submit").ClickAsync();
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Begrundelse: skal udfyldes.");
        await BrowserFixture.CheckPageAsync(page, "forloeb-dispensation-uden-begrundelse");

        await page.GetByTestId("exemption-form").GetByLabel("Begrundelse").FillAsync("Arbejdsstedet ansætter to nye 1. marts.");
        await page.GetByTestId("exemption-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-done")).ToContainTextAsync("Dispensationen er registreret.");
        var row = exemptions.Locator("tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td")).ToHaveTextAsync(["Dispensation fra rimelighedskravet", "Arbejdsstedet ansætter to nye 1. marts.", "Test Consultant", LongToday]);
        await Assertions.Expect(page.Locator("[data-step=godkendelse]")).ToContainTextAsync("Dispensation fra rimelighedskravet er registreret.");
        await Assertions.Expect(rule.Locator("option")).ToHaveTextAsync(["Vælg regel", "den længste varighed"]);
        await BrowserFixture.CheckPageAsync(page, "forloeb-dispensation-registreret");

        // The core skips the ratio rule for an exempted placement: the approval goes through, with who and when.
        await page.GetByTestId("approve-submit").ClickAsync();
        await Assertions.Expect(page.Locator("[data-step=godkendelse]")).ToHaveAttributeAsync("data-done", "true");
        await Assertions.Expect(page.Locator("[data-step=godkendelse]")).ToContainTextAsync($"Godkendt {LongToday} af Test Consultant.");
        await Assertions.Expect(page.GetByTestId("placement-facts")).ToContainTextAsync("godkendt");
        await BrowserFixture.CheckPageAsync(page, "forloeb-godkendt-med-dispensation");
    }

    [BrowserFact]
    public async Task A_consultant_calls_off_a_proposed_placement_with_a_reason_and_the_page_shows_it_cancelled()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var placementId = await ProposedInternshipAsync(consultant, "Ulsted Bageri ApS", placeTaken: false);
        var page = await fixture.SignInAsync(consultant.Email, $"/forloeb/{placementId}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aflys forløbet", Level = 2 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Aflys forløbet endeligt" }).ClickAsync();
        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Begrundelse: skal udfyldes.");
        Assert.Equal(PlacementStatus.Proposed, await StoredStatusAsync(placementId));
        await BrowserFixture.CheckPageAsync(page, "forloeb-aflys-uden-begrundelse");

        await page.GetByLabel("Begrundelse for aflysningen").FillAsync("Kandidaten er blevet syg.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aflys forløbet endeligt" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("step-done")).ToContainTextAsync("Forløbet er aflyst.");
        var facts = page.GetByTestId("placement-facts");
        await Assertions.Expect(facts).ToContainTextAsync("aflyst");
        await Assertions.Expect(page.GetByTestId("cancel-reason")).ToHaveTextAsync("Kandidaten er blevet syg.");
        await Assertions.Expect(page.Locator("[data-step=godkendelse]")).ToContainTextAsync("Forløbet blev aflyst, før det blev godkendt.");
        await Assertions.Expect(page.Locator("[data-step=afslutning]")).ToContainTextAsync("Aflyst, før forløbet startede. Begrundelse: Kandidaten er blevet syg.");
        await Assertions.Expect(page.Locator("[data-step=start]")).ToContainTextAsync("Udføres ikke: forløbet blev aflyst.");
        await Assertions.Expect(page.Locator("[data-step=udfald-0]")).ToContainTextAsync("Udføres ikke: forløbet blev aflyst.");
        // Nothing more can be done with it: no step forms, no exemption, no second cancelling.
        await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);
        Assert.Equal(PlacementStatus.EndedEarly, await StoredStatusAsync(placementId));
        await BrowserFixture.CheckPageAsync(page, "forloeb-aflyst");
    }

    /// <summary>
    /// A 4-week internship from next week proposed through the handlers at a workplace of 4 ordinary employees (one place
    /// under the ratio rule); with <paramref name="placeTaken"/> another candidate's running internship then holds the
    /// place (stored directly, as the company arrangement does).
    /// </summary>
    private Task<Guid> ProposedInternshipAsync(Actor consultant, string name, bool placeTaken)
        => fixture.Host.RunAsync(async services =>
        {
            var cvr = CompanyArrangement.NewCvr();
            var company = await services.GetRequiredService<RegisterCompanyHandler>().HandleAsync(
                new RegisterCompanyInput(cvr, name, "521000", "Havnegade 4", "9000", Sector.Private, MembershipStatus.Active, new DateOnly(2025, 1, 15), consultant.UserId),
                consultant, CancellationToken.None);
            var workplace = await services.GetRequiredService<SaveWorkplaceHandler>().HandleAsync(
                new SaveWorkplaceInput(company.Id, null, "30" + cvr, "Værkstedet", "Havnegade 4", "9000", 4, new DateOnly(Today.Year, Today.Month, 1), 4),
                consultant, CancellationToken.None);

            var db = services.GetRequiredService<CrmDbContext>();
            Candidate Candidate(string suffix) => new()
            {
                CaseReference = $"SAG-{cvr}-{suffix}",
                DisplayAlias = $"Kandidat {cvr}{suffix}",
                TargetGroup = TargetGroup.InsuredUnemployed,
                Postcode = "9000",
                AvailableFrom = Today,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            var candidate = Candidate("A");
            db.Candidates.Add(candidate);
            await db.SaveChangesAsync();
            var proposed = await services.GetRequiredService<ProposePlacementHandler>().HandleAsync(
                new ProposePlacementInput(candidate.Id, company.Id, workplace.Id, null, OfferKind.Internship, InternshipPurpose.Hiring, Today.AddDays(7), Today.AddDays(34)),
                consultant, CancellationToken.None);

            // Taken after the proposal (which judges the ratio rule too), as when another placement starts meanwhile.
            if (placeTaken)
            {
                var other = Candidate("B");
                db.Candidates.Add(other);
                db.Placements.Add(new Placement
                {
                    CandidateId = other.Id,
                    CompanyId = company.Id,
                    WorkplaceId = workplace.Id,
                    OfferKind = OfferKind.Internship,
                    Purpose = InternshipPurpose.Hiring,
                    PlannedStart = Today.AddDays(-7),
                    ActualStart = Today.AddDays(-7),
                    PlannedEnd = Today.AddDays(60),
                    Status = PlacementStatus.Active,
                    ProposedBy = consultant.UserId,
                    CreatedAt = DateTimeOffset.UtcNow.AddDays(-10),
                });
                await db.SaveChangesAsync();
            }

            return proposed.Id;
        });

    private Task<PlacementStatus> StoredStatusAsync(Guid placementId)
        => fixture.Host.RunAsync(async services => await services.GetRequiredService<CrmDbContext>().Placements.Where(p => p.Id == placementId).Select(p => p.Status).SingleAsync());
}
