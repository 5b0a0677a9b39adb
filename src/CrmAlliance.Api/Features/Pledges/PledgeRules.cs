using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Pledges;

/// <summary>What a pledge promises: shared by recording and updating one.</summary>
public interface IPledgeTerms
{
    DateOnly PeriodStart { get; }

    DateOnly PeriodEnd { get; }

    int OrdinaryJobs { get; }

    int Internships { get; }

    int WageSubsidyJobs { get; }

    int AdultApprenticeships { get; }

    int FlexJobs { get; }

    int Mentors { get; }

    List<TargetGroup>? TargetGroups { get; }

    string? Note { get; }
}

/// <summary>Field checks of a pledge; pure, so the rules can be tested without a database.</summary>
public static class PledgeRules
{
    public const int MaxYears = 3;
    public const int MaxPerOfferKind = 1000;
    public const int NoteMaxLength = 4000;

    public static Validator CheckPledge(this Validator v, IPledgeTerms terms)
    {
        v.Check(terms.PeriodEnd > terms.PeriodStart, "periodEnd", RefusalText.Of("Pledges.EndBeforeStart", ("start", terms.PeriodStart)));
        var latestEnd = terms.PeriodStart.AddYears(MaxYears);
        v.Check(terms.PeriodEnd <= latestEnd, "periodEnd", RefusalText.Of("Pledges.TooLong", ("years", MaxYears), ("latest", latestEnd)));
        foreach (var (field, count) in Counts(terms))
        {
            v.Check(count is >= 0 and <= MaxPerOfferKind, field, Validator.Between(0, MaxPerOfferKind));
        }

        v.Check(
            Counts(terms).Any(c => c.Count > 0),
            "ordinaryJobs",
            RefusalText.Of("Pledges.Empty"));
        v.OptionalText(terms.Note, "note", NoteMaxLength);
        return v;
    }

    /// <summary>Copies the terms onto the entity; target groups once each, in a stable order.</summary>
    public static void ApplyTo(this IPledgeTerms terms, Pledge pledge)
    {
        pledge.PeriodStart = terms.PeriodStart;
        pledge.PeriodEnd = terms.PeriodEnd;
        pledge.OrdinaryJobs = terms.OrdinaryJobs;
        pledge.Internships = terms.Internships;
        pledge.WageSubsidyJobs = terms.WageSubsidyJobs;
        pledge.AdultApprenticeships = terms.AdultApprenticeships;
        pledge.FlexJobs = terms.FlexJobs;
        pledge.Mentors = terms.Mentors;
        pledge.TargetGroups = (terms.TargetGroups ?? []).Distinct().Order().ToList();
        pledge.Note = string.IsNullOrWhiteSpace(terms.Note) ? null : terms.Note.Trim();
    }

    private static (string Field, int Count)[] Counts(IPledgeTerms t) =>
    [
        ("ordinaryJobs", t.OrdinaryJobs),
        ("internships", t.Internships),
        ("wageSubsidyJobs", t.WageSubsidyJobs),
        ("adultApprenticeships", t.AdultApprenticeships),
        ("flexJobs", t.FlexJobs),
        ("mentors", t.Mentors),
    ];
}

/// <summary>A company has at most one pledge for any day, so "pledged against realised" is unambiguous.</summary>
public static class PledgeOverlap
{
    public static async Task RefuseOverlapAsync(this CrmDbContext db, Guid companyId, IPledgeTerms terms, Guid? exceptPledgeId, CancellationToken cancellationToken)
    {
        // Both ends are inclusive: a pledge for 2026 ends 2026-12-31 and the next may start 2027-01-01.
        var (start, end) = (terms.PeriodStart, terms.PeriodEnd);
        var existing = await db.Pledges
            .Where(p => p.CompanyId == companyId && p.Id != exceptPledgeId && p.PeriodStart <= end && p.PeriodEnd >= start)
            .OrderBy(p => p.PeriodStart)
            .Select(p => new { p.PeriodStart, p.PeriodEnd })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            throw new ConflictException(
                RefusalText.Of("Pledges.Overlap", ("start", existing.PeriodStart), ("end", existing.PeriodEnd), ("newStart", terms.PeriodStart), ("newEnd", terms.PeriodEnd)),

                "input.periodStart");
        }
    }
}
