using System.Globalization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmAlliance.BrowserTests;

/// <summary>The candidate page lists the candidate's placements, newest first, each leading to its placement page.</summary>
public sealed class CandidatePlacementsPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static DateOnly Today => DanishCalendar.Today(TimeProvider.System);

    private static string Day(DateOnly date) => date.ToString("d", CultureInfo.GetCultureInfo("da-DK"));

    [BrowserFact]
    public async Task A_consultant_sees_the_candidates_placements_newest_first_in_Danish_and_opens_one()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var (candidateId, company, older, newer) = await CandidateWithTwoPlacementsAsync(consultant);
        var page = await fixture.SignInAsync(consultant.Email, $"/kandidater/{candidateId}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forløb", Level = 2 })).ToBeVisibleAsync();
        var rows = page.GetByTestId("candidate-placements").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync(company);
        await Assertions.Expect(rows.Nth(0).Locator("td")).ToHaveTextAsync(["løntilskud", $"{Day(Today.AddDays(14))} – {Day(Today.AddDays(104))}", "foreslået"]);
        await Assertions.Expect(rows.Nth(1).Locator("td")).ToHaveTextAsync(["virksomhedspraktik", $"{Day(Today.AddDays(-60))} – {Day(Today.AddDays(-40))}", "afbrudt"]);
        await BrowserFixture.CheckPageAsync(page, "kandidat-forloeb");

        await rows.Nth(1).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/forloeb/{older}$"));
        Assert.NotEqual(older, newer);
    }

    [BrowserFact]
    public async Task A_candidate_without_placements_says_so()
    {
        var consultant = await fixture.Host.CreateUserAsync(Role.Consultant);
        var candidateId = await fixture.Host.RunAsync(async services =>
        {
            var candidate = NewCandidate(CompanyArrangement.NewCvr());
            var db = services.GetRequiredService<CrmDbContext>();
            db.Candidates.Add(candidate);
            await db.SaveChangesAsync();
            return candidate.Id;
        });
        var page = await fixture.SignInAsync(consultant.Email, $"/kandidater/{candidateId}");

        await Assertions.Expect(page.GetByTestId("no-candidate-placements")).ToHaveTextAsync("Kandidaten har ingen forløb.");
    }

    private static Candidate NewCandidate(string cvr) => new()
    {
        CaseReference = $"SAG-{cvr}-P",
        DisplayAlias = $"Kandidat {cvr}P",
        TargetGroup = TargetGroup.InsuredUnemployed,
        Postcode = "9000",
        AvailableFrom = Today,
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>An internship broken off two months ago and a wage subsidy proposed from in two weeks, stored as they would be.</summary>
    private Task<(Guid Candidate, string Company, Guid Older, Guid Newer)> CandidateWithTwoPlacementsAsync(Actor consultant)
        => fixture.Host.RunAsync(async services =>
        {
            var cvr = CompanyArrangement.NewCvr();
            var name = $"Aabybro Maskinfabrik {cvr} ApS";
            var company = await services.GetRequiredService<RegisterCompanyHandler>().HandleAsync(
                new RegisterCompanyInput(cvr, name, "521000", "Havnegade 4", "9000", Sector.Private, MembershipStatus.Active, new DateOnly(2025, 1, 15), consultant.UserId),
                consultant, CancellationToken.None);
            var workplace = await services.GetRequiredService<SaveWorkplaceHandler>().HandleAsync(
                new SaveWorkplaceInput(company.Id, null, "30" + cvr, "Værkstedet", "Havnegade 4", "9000", 20, new DateOnly(Today.Year, Today.Month, 1), 20),
                consultant, CancellationToken.None);
            var db = services.GetRequiredService<CrmDbContext>();
            var candidate = NewCandidate(cvr);
            db.Candidates.Add(candidate);
            Placement Placement(OfferKind kind, DateOnly start, DateOnly end, PlacementStatus status, DateOnly? actualStart = null, DateOnly? actualEnd = null) => new()
            {
                CandidateId = candidate.Id,
                CompanyId = company.Id,
                WorkplaceId = workplace.Id,
                OfferKind = kind,
                Purpose = kind == OfferKind.Internship ? InternshipPurpose.Hiring : null,
                PlannedStart = start,
                PlannedEnd = end,
                ActualStart = actualStart,
                ActualEnd = actualEnd,
                Status = status,
                ProposedBy = consultant.UserId,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            var older = Placement(OfferKind.Internship, Today.AddDays(-60), Today.AddDays(-33), PlacementStatus.EndedEarly, Today.AddDays(-60), Today.AddDays(-40));
            var newer = Placement(OfferKind.WageSubsidy, Today.AddDays(14), Today.AddDays(104), PlacementStatus.Proposed);
            db.Placements.AddRange(newer, older);
            await db.SaveChangesAsync();
            return (candidate.Id, name, older.Id, newer.Id);
        });
}
