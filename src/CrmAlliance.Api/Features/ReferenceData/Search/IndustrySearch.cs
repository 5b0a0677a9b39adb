using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.ReferenceData.Search;

/// <summary>
/// Industry search for the <c>industries</c> query and for pages' typeahead: Danish (DB07) and English (NACE Rev. 2)
/// titles and codes, ranked. A singleton: the titles are prepared once.
/// </summary>
public sealed class IndustrySearch(ReferenceCatalog catalog)
{
    // English titles a subclass only inherits from its class are not searched: they would repeat the class's hits.
    private readonly ReferenceSearchIndex<Industry> _index = new(
        catalog.Industries,
        i => i.Code,
        i => new[] { i.TitleDa, i.TitleFromParent ? null : i.Title }.OfType<string>());

    /// <summary>Ranked matches; refuses with VALIDATION (field search, codePrefix, first or offset) when the request is out of bounds.</summary>
    public Page<Industry> Search(ReferenceSearchRequest request) => _index.Search(request);
}
