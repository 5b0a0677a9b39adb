using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Pledges;

namespace CrmAlliance.UnitTests.Pledges;

public sealed class PledgeRulesTests
{
    private static readonly RecordPledgeInput Valid = new(Guid.NewGuid(), new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), Internships: 2);

    [Fact]
    public void A_pledge_with_one_offer_is_valid()
        => Assert.Empty(Errors(Valid));

    [Fact]
    public void The_period_must_end_after_it_starts_and_last_at_most_three_years()
    {
        Assert.Equal(["periodEnd"], Errors(Valid with { PeriodEnd = Valid.PeriodStart }));
        Assert.Empty(Errors(Valid with { PeriodEnd = new DateOnly(2029, 1, 1) }));
        Assert.Equal(["periodEnd"], Errors(Valid with { PeriodEnd = new DateOnly(2029, 1, 2) }));
    }

    [Fact]
    public void Each_count_is_between_0_and_1000()
    {
        Assert.Empty(Errors(Valid with { Mentors = 1000, FlexJobs = 0 }));
        Assert.Equal(
            ["ordinaryJobs", "internships", "wageSubsidyJobs", "adultApprenticeships", "flexJobs", "mentors"],
            Errors(new RecordPledgeInput(Guid.NewGuid(), Valid.PeriodStart, Valid.PeriodEnd, -1, 1001, -5, 2000, -1, 1001)));
    }

    [Fact]
    public void A_pledge_of_nothing_is_refused()
        => Assert.Equal(["ordinaryJobs"], Errors(Valid with { Internships = 0 }));

    [Fact]
    public void The_note_is_at_most_4000_characters()
    {
        Assert.Empty(Errors(Valid with { Note = new string('x', 4000) }));
        Assert.Equal(["note"], Errors(Valid with { Note = new string('x', 4001) }));
    }

    [Fact]
    public void Applying_terms_keeps_each_target_group_once_and_drops_a_blank_note()
    {
        var pledge = new Pledge { RecordedBy = "u" };

        (Valid with { TargetGroups = [TargetGroup.Integration, TargetGroup.NewGraduate, TargetGroup.Integration], Note = "  " }).ApplyTo(pledge);

        Assert.Equal([TargetGroup.Integration, TargetGroup.NewGraduate], pledge.TargetGroups);
        Assert.Null(pledge.Note);
        Assert.Equal(2, pledge.Internships);
    }

    private static List<string> Errors(IPledgeTerms terms)
    {
        try
        {
            new Validator().CheckPledge(terms).ThrowIfInvalid();
            return [];
        }
        catch (ValidationException ex)
        {
            return ex.Errors.Select(e => e.Field).Distinct().ToList();
        }
    }
}
