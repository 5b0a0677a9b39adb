using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.ReferenceData.Search;

/// <summary>
/// Occupation search for the <c>occupations</c> query and for pages' typeahead: Danish (DISCO-08) and English
/// (ISCO-08) titles and codes, ranked. A singleton: the titles are prepared once.
/// </summary>
public sealed class OccupationSearch(ReferenceCatalog catalog)
{
    // English titles a code only inherits from the group above are not searched: they would repeat that group's hits.
    private readonly ReferenceSearchIndex<Occupation> _index = new(
        catalog.Occupations,
        o => o.Code,
        o => new[] { o.TitleDa, o.TitleFromParent ? null : o.Title }.OfType<string>());

    /// <summary>
    /// Ranked matches, with <paramref name="mostSpecificOnly"/> only the codes pickers offer (<see cref="Occupation.MostSpecific"/>);
    /// refuses with VALIDATION (field search, codePrefix, first or offset) when the request is out of bounds.
    /// </summary>
    public Page<Occupation> Search(ReferenceSearchRequest request, bool mostSpecificOnly = false)
        => _index.Search(request, mostSpecificOnly ? o => o.MostSpecific : null);
}
