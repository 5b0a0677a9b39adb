using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Features.ReferenceData.Search;

namespace CrmAlliance.Api.Features.Vacancies.Pages;

/// <summary>
/// The occupations the vacancy form's list offers for what was typed: OccupationSearch's ranked matches (as the
/// <c>occupations(mostSpecific: true)</c> query and occupation-typeahead.js give them), only the most specific codes, so an
/// occupation is offered once (721200, not also its unit group 7212 of the same title), and the chosen code kept at the top
/// even when the text no longer finds it (a vacancy saved with a unit group keeps it).
/// </summary>
public static class OccupationChoices
{
    public static IReadOnlyList<Occupation> For(OccupationSearch search, ReferenceCatalog catalog, string? text, string? chosenCode)
    {
        var matches = string.IsNullOrWhiteSpace(text) || text.Trim().Length > ReferenceSearchRequest.MaxSearchLength
            ? new List<Occupation>()
            : search.Search(new ReferenceSearchRequest(text.Trim(), First: ReferenceSearchRequest.MaxFirst), mostSpecificOnly: true).Items.ToList();
        if (catalog.FindMostSpecificOccupation(chosenCode) is { } chosen && matches.All(o => o.Code != chosen.Code))
        {
            matches.Insert(0, chosen);
        }

        return matches;
    }

    /// <summary>The title people read: Danish unless the page is English or DISCO-08 has none.</summary>
    public static string Title(Occupation occupation, bool english) => english || occupation.TitleDa is null ? occupation.Title : occupation.TitleDa;
}
