using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Messaging;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Demo;

/// <summary>A demo user with fixed, documented credentials (DemoData.md).</summary>
public sealed record DemoUser(string Email, string DisplayName, Role Role);

/// <summary>
/// Loads the demo data set on a first start with <c>--seed-demo</c> (<c>Seed:Demo=true</c>): only when the
/// database has no companies yet, so it never mixes with real data or runs twice. Trusted code: it writes the
/// rows directly, all in one transaction with the demo users.
/// </summary>
public sealed class DemoSeeder(
    CrmDbContext db,
    UserManager<ApplicationUser> users,
    RatioRule ratioRule,
    MaximumDurationRule maximumDuration,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    public const string Password = "Demo-Passw0rd!";

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("admin@demo.crmalliance.dk", "Jens Administrator", Role.Admin),
        new("consultant@demo.crmalliance.dk", "Mette Sørensen", Role.Consultant),
        new("consultant2@demo.crmalliance.dk", "Anders Kristensen", Role.Consultant),
        new("consultant3@demo.crmalliance.dk", "Birgitte Lund", Role.Consultant),
        new("manager@demo.crmalliance.dk", "Lone Andersen", Role.Manager),
        new("company@demo.crmalliance.dk", "Hanne Kjær", Role.Company),
    ];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Seed:Demo"))
        {
            return;
        }

        if (await db.Companies.AnyAsync(cancellationToken))
        {
            logger.LogInformation("Seed:Demo is set, but the database already has companies: the demo data is only loaded on a first start.");
            return;
        }

        foreach (var user in Users)
        {
            if (await users.FindByEmailAsync(user.Email) is not null)
            {
                logger.LogWarning("Seed:Demo is set, but the demo user {Email} already exists: the demo data is not loaded.", user.Email);
                return;
            }
        }

        logger.LogInformation("Loading the demo data (first start only; this takes a little while) …");
        var now = clock.GetUtcNow();
        var accounts = Users.Select(u => (Demo: u, Account: new ApplicationUser { UserName = u.Email, Email = u.Email, EmailConfirmed = true, DisplayName = u.DisplayName, CreatedAt = now })).ToList();
        var data = DemoDataBuilder.Build(DateOnly.FromDateTime(now.UtcDateTime), accounts.Where(a => a.Demo.Role == Role.Consultant).Select(a => a.Account.Id).ToList(), ratioRule, maximumDuration);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Companies.AddRange(data.Companies);
        db.ContactLogs.AddRange(data.ContactLogs);
        db.Pledges.AddRange(data.Pledges);
        db.Vacancies.AddRange(data.Vacancies);
        db.Candidates.AddRange(data.Candidates);
        db.Placements.AddRange(data.Placements);
        db.Outcomes.AddRange(data.Outcomes);

        // The open vacancies are announced like any other, so matching proposes candidates for them.
        var postcodes = data.Companies.SelectMany(c => c.Workplaces).ToDictionary(w => w.Id, w => w.Postcode);
        foreach (var vacancy in data.Vacancies.Where(v => v.Status == VacancyStatus.Open))
        {
            db.Enqueue(vacancy.Id, VacancyEvents.Posted(vacancy, postcodes[vacancy.WorkplaceId], now), now);
        }

        await db.SaveChangesAsync(cancellationToken);

        var companyOfCompanyUser = data.Companies.Single(c => c.Name == DemoCompanyProfiles.CompanyUsersCompany).Id;
        foreach (var (demo, account) in accounts)
        {
            account.CompanyId = demo.Role == Role.Company ? companyOfCompanyUser : null;
            ThrowIfFailed(await users.CreateAsync(account, Password), demo.Email);
            ThrowIfFailed(await users.AddToRoleAsync(account, demo.Role.ToString()), demo.Email);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Loaded the demo data: {Companies} companies, {Vacancies} vacancies, {Candidates} candidates, {Placements} placements, {Logs} contact logs. Demo users (password {Password}): {Users}.",
            data.Companies.Count, data.Vacancies.Count, data.Candidates.Count, data.Placements.Count, data.ContactLogs.Count, Password, string.Join(", ", Users.Select(u => u.Email)));
    }

    private static void ThrowIfFailed(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The demo user {email} could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
