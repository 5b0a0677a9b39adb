namespace CrmAlliance.Api.Infrastructure.GraphQL;

/// <summary>
/// What one GraphQL request may cost, checked before parsing and validation do expensive work (section
/// <c>GraphQL:Limits</c>). The defaults leave every query the product's own clients send far inside them.
/// </summary>
public sealed class GraphQLLimits
{
    public const string Section = "GraphQL:Limits";

    /// <summary>Characters of the document (the query text); variables are counted in <see cref="MaxBodyBytes"/>.</summary>
    public int MaxDocumentLength { get; set; } = 20_000;

    /// <summary>Lexical tokens of the document, counted in one linear pass before parsing.</summary>
    public int MaxTokens { get; set; } = 3_000;

    /// <summary>Nesting of selections, with fragments expanded.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Fields the operation selects, with fragments expanded (so a fragment used twice counts twice).</summary>
    public int MaxFields { get; set; } = 1_000;

    public int MaxAliases { get; set; } = 100;

    public int MaxFragmentSpreads { get; set; } = 100;

    /// <summary>Items of any one list in the variables.</summary>
    public int MaxListItems { get; set; } = 1_000;

    /// <summary>
    /// Bytes of any one string in the variables, as sent (UTF-8 JSON, escapes included: 32 KB is at least 10,000
    /// Danish characters). Only an operation whose every root field is an import (a mutation named <c>import…</c>,
    /// which takes a file) may send longer ones, up to <see cref="MaxBodyBytes"/>.
    /// </summary>
    public int MaxStringBytes { get; set; } = 32 * 1024;

    /// <summary>The whole request body: room for the imports' documented 5 MB files, escaped as JSON.</summary>
    public long MaxBodyBytes { get; set; } = 12 * 1024 * 1024;

    /// <summary>
    /// Characters of document text the <see cref="GraphQLDocumentCache"/> keeps at most (about twice as many bytes, plus
    /// the parsed trees); the least used go first. 0 turns the cache off.
    /// </summary>
    public long MaxCachedDocumentCharacters { get; set; } = 2_000_000;

    /// <summary>Execution is cancelled after this long, and when the client goes away.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
