using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>
/// Which companies a report covers: a DB07 section letter, a size band label and a responsible consultant,
/// each optional. Built by <see cref="Parse"/>, which refuses unknown values with the argument's name.
/// </summary>
public sealed record YieldCompanyFilter(string? IndustrySection, SizeBandRange? SizeBand, string? ConsultantId)
{
    /// <summary>DB07 sections (NACE Rev. 2): A–U.</summary>
    public const string Sections = "ABCDEFGHIJKLMNOPQRSTU";

    public bool IsEmpty => IndustrySection is null && SizeBand is null && ConsultantId is null;

    public static YieldCompanyFilter Parse(string? industrySection, string? sizeBand, string? consultantId, YieldOptions options)
    {
        var v = new Validator();
        string? section = null;
        if (!string.IsNullOrWhiteSpace(industrySection))
        {
            section = industrySection.Trim().ToUpperInvariant();
            v.Check(section.Length == 1 && Sections.Contains(section[0], StringComparison.Ordinal), "industrySection", RefusalText.Of("Yield.NotASection", ("value", industrySection)));
        }

        SizeBandRange? band = null;
        if (!string.IsNullOrWhiteSpace(sizeBand))
        {
            var bands = YieldFigures.SizeBands(options.SizeBandUpperBounds);

            // People type a hyphen where the label has an en dash.
            band = bands.FirstOrDefault(b => b.Label == sizeBand.Trim().Replace('-', '–'));
            v.Check(band is not null, "sizeBand", RefusalText.Of("Yield.NotASizeBand", ("value", sizeBand), ("bands", string.Join(", ", bands.Select(b => b.Label)))
));

        }

        v.ThrowIfInvalid();
        return new(section, band, string.IsNullOrWhiteSpace(consultantId) ? null : consultantId);
    }

    /// <summary>Whether one company meets every given condition: <see cref="Apply"/> for a company in memory.</summary>
    public bool Matches(YieldCompany company)
        => (IndustrySection is not { } section || company.IndustrySection == section)
            && (SizeBand is not { } band || (company.OrdinaryEmployees >= band.Min && company.OrdinaryEmployees <= (band.Max ?? int.MaxValue)))
            && (ConsultantId is not { } consultant || company.ResponsibleConsultantId == consultant);

    /// <summary>The companies that meet every given condition (in SQL, or in memory over <c>AsQueryable()</c>).</summary>
    public IQueryable<YieldCompany> Apply(IQueryable<YieldCompany> companies)
    {
        if (IndustrySection is { } section)
        {
            companies = companies.Where(c => c.IndustrySection == section);
        }

        if (SizeBand is { } band)
        {
            var (min, max) = (band.Min, band.Max ?? int.MaxValue);
            companies = companies.Where(c => c.OrdinaryEmployees >= min && c.OrdinaryEmployees <= max);
        }

        if (ConsultantId is { } consultant)
        {
            companies = companies.Where(c => c.ResponsibleConsultantId == consultant);
        }

        return companies;
    }
}
