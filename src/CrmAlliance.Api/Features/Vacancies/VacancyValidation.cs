using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Vacancies;

/// <summary>The editable details of a vacancy, shared by posting and updating.</summary>
public interface IVacancyDetails
{
    Guid WorkplaceId { get; }

    OfferKind OfferKind { get; }

    string OccupationCode { get; }

    string Title { get; }

    string? Description { get; }

    int Positions { get; }

    decimal HoursPerWeek { get; }

    DateOnly StartDate { get; }

    DateOnly? ApplicationDeadline { get; }

    IReadOnlyList<string>? RequiredSkills { get; }
}

/// <summary>Field checks and rules for posting and updating vacancies.</summary>
public sealed class VacancyValidation(CrmDbContext db, ReferenceCatalog catalog)
{
    public const int MaxPositions = 500;
    public const decimal MinHoursPerWeek = 1;
    public const decimal MaxHoursPerWeek = 48;
    public const string MembershipRule = "AllianceMembership";

    /// <summary>
    /// Checks every field, collecting all errors, and returns the normalised skill list. Dates may not be
    /// moved into the past; a date left as it was (<paramref name="current"/>) is not re-checked, so an open
    /// vacancy whose start has come can still have its description corrected.
    /// </summary>
    public async Task<List<string>> CheckAsync(IVacancyDetails details, Guid companyId, Vacancy? current, DateOnly today, CancellationToken cancellationToken)
    {
        var v = new Validator()
            .CheckOccupation(catalog, details.OccupationCode, "occupationCode")
            .Text(details.Title, "title")
            .OptionalText(details.Description, "description", 8000)
            .Check(details.Positions is >= 1 and <= MaxPositions, "positions", Validator.Between(1, MaxPositions))
            .Check(
                details.HoursPerWeek is >= MinHoursPerWeek and <= MaxHoursPerWeek && decimal.Round(details.HoursPerWeek, 2) == details.HoursPerWeek,
                "hoursPerWeek",
                RefusalText.Of("Vacancies.Hours", ("min", MinHoursPerWeek), ("max", MaxHoursPerWeek)))
            .Check(
                current?.StartDate == details.StartDate || details.StartDate >= today,
                "startDate",
                RefusalText.Of("Core.DateInPast", ("date", details.StartDate), ("today", today)));
        if (details.ApplicationDeadline is { } deadline)
        {
            v.Check(deadline <= details.StartDate, "applicationDeadline", RefusalText.Of("Vacancies.DeadlineAfterStart", ("deadline", deadline), ("start", details.StartDate)));
            v.Check(current?.ApplicationDeadline == deadline || deadline >= today, "applicationDeadline", RefusalText.Of("Core.DateInPast", ("date", deadline), ("today", today)));
        }

        var skills = v.CheckSkills(details.RequiredSkills, "requiredSkills");
        var workplaceBelongsToCompany = await db.Workplaces.AnyAsync(w => w.Id == details.WorkplaceId && w.CompanyId == companyId, cancellationToken);
        v.Check(workplaceBelongsToCompany, "workplaceId", RefusalText.Of("Vacancies.WorkplaceOfOtherCompany"));
        v.ThrowIfInvalid();
        return skills;
    }

    /// <summary>A company that has left Aalborg Alliancen no longer offers vacancies through it.</summary>
    public async Task RequireNotLeftAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking()
            .Where(c => c.Id == companyId)
            .Select(c => new { c.Name, c.Cvr, c.MembershipStatus })
            .SingleAsync(cancellationToken);
        if (company.MembershipStatus == MembershipStatus.Left)
        {
            throw new RuleViolationException(MembershipRule, RefusalText.Of("Vacancies.CompanyLeft", ("name", company.Name), ("cvr", company.Cvr)), "input.companyId");

        }
    }

    public static void Apply(Vacancy vacancy, IVacancyDetails details, List<string> skills)
    {
        vacancy.WorkplaceId = details.WorkplaceId;
        vacancy.OfferKind = details.OfferKind;
        vacancy.OccupationCode = details.OccupationCode;
        vacancy.Title = details.Title.Trim();
        vacancy.Description = details.Description?.Trim() ?? "";
        vacancy.Positions = details.Positions;
        vacancy.HoursPerWeek = details.HoursPerWeek;
        vacancy.StartDate = details.StartDate;
        vacancy.ApplicationDeadline = details.ApplicationDeadline;
        vacancy.RequiredSkills = skills;
    }
}
