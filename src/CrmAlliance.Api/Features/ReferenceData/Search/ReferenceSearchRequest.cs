using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.ReferenceData.Search;

/// <summary>
/// What a typeahead or the <c>occupations</c>/<c>industries</c> queries ask: words or a code (<paramref name="Search"/>),
/// optionally only codes starting with <paramref name="CodePrefix"/>, and which slice of the ranked list.
/// </summary>
public sealed record ReferenceSearchRequest(string? Search = null, string? CodePrefix = null, int First = ReferenceSearchRequest.DefaultFirst, int Offset = 0)
{
    public const int DefaultFirst = 50;
    public const int MaxFirst = 100;
    public const int MaxSearchLength = 100;

    public void Validate()
        => new Validator()
            .MaxLength(Search, "search", MaxSearchLength)
            .MaxLength(CodePrefix, "codePrefix", 20)
            .Check(First is >= 0 and <= MaxFirst, "first", Validator.Between(0, MaxFirst))
            .Check(Offset >= 0, "offset", RefusalText.Of("Core.NotNegative"))
            .ThrowIfInvalid();
}
