using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Features.Yield.Reports;

namespace CrmAlliance.UnitTests.Yield.Reports;

public sealed class YieldReportScopeTests
{
    private static readonly YieldOptions Options = new();

    [Fact]
    public void Size_bands_follow_the_configured_upper_bounds()
    {
        Assert.Equal(["0–9", "10–49", "50–249", "250+"], YieldFigures.SizeBands(Options.SizeBandUpperBounds).Select(b => b.Label));
        Assert.Equal(["0–9", "0–9", "10–49", "10–49", "50–249", "250+"], new[] { 0, 9, 10, 49, 50, 250 }.Select(n => YieldFigures.SizeBand(n, Options.SizeBandUpperBounds)));
        Assert.Equal(["0–4", "5+"], YieldFigures.SizeBands([4]).Select(b => b.Label));
    }

    [Fact]
    public void A_filter_reads_a_section_letter_a_band_label_with_hyphen_or_dash_and_a_consultant()
    {
        var filter = YieldCompanyFilter.Parse(" c ", "10-49", "user-1", Options);

        Assert.Equal("C", filter.IndustrySection);
        Assert.Equal(new SizeBandRange("10–49", 10, 49), filter.SizeBand);
        Assert.Equal("user-1", filter.ConsultantId);
        Assert.True(YieldCompanyFilter.Parse(null, " ", null, Options).IsEmpty);
    }

    [Fact]
    public void Unknown_sections_and_bands_are_refused_together_with_their_fields()
    {
        var error = Assert.Throws<ValidationException>(() => YieldCompanyFilter.Parse("V", "10–50", null, Options));

        Assert.Equal(["industrySection", "sizeBand"], error.Errors.Select(e => e.Field));
        Assert.Contains("0–9, 10–49, 50–249, 250+", error.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_filter_keeps_companies_meeting_every_condition()
    {
        YieldCompany Company(string section, int employees, string? consultant) => new()
        {
            CompanyId = Guid.NewGuid(),
            Name = section + employees,
            Cvr = "",
            IndustryCode = "",
            IndustrySection = section,
            OrdinaryEmployees = employees,
            MembershipStatus = "Active",
            ResponsibleConsultantId = consultant,
        };
        var companies = new[] { Company("C", 10, "a"), Company("C", 300, "a"), Company("F", 10, "a"), Company("C", 49, "b") };

        var kept = YieldCompanyFilter.Parse("C", "10–49", "a", Options).Apply(companies.AsQueryable()).ToList();

        Assert.Equal([companies[0]], kept);
        Assert.Equal(2, YieldCompanyFilter.Parse(null, "250+", null, Options).Apply(companies.Append(Company("J", 9000, null)).AsQueryable()).Count());
    }

    [Fact]
    public void Members_are_active_or_paused_and_joined_by_the_periods_end()
    {
        YieldCompany Company(string status, DateOnly? joined) => new()
        {
            CompanyId = Guid.NewGuid(),
            Name = status,
            Cvr = "",
            IndustryCode = "",
            IndustrySection = "C",
            MembershipStatus = status,
            JoinedOn = joined,
        };
        var companies = new[]
        {
            Company("Active", new DateOnly(2025, 12, 31)), Company("Paused", null), Company("Active", new DateOnly(2026, 1, 1)),
            Company("Left", new DateOnly(2020, 1, 1)), Company("Prospect", null),
        };

        var members = companies.AsQueryable().Where(YieldMembers.Of(ReportPeriod.Parse("2025"))).ToList();

        Assert.Equal([companies[0], companies[1]], members);
    }
}
