using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

/// <summary>
/// Documents that were parsed, bounded (<see cref="GraphQLDocumentCheck"/>) and passed GraphQL.NET's specification
/// rules once, by their text, so that a client repeating a query (all of ours do, with variables) is not parsed and
/// validated again: that was most of a one-field look-up's time. The specification rules depend only on the document
/// and the schema. What depends on the caller or the variables is checked on every request, cached or not: the role
/// metadata rule, the complexity analyzer and the variables' values (GraphQL.NET appends the configured rules to the
/// <see cref="CachedRules"/> and coerces the variables in every validation).
/// </summary>
public sealed class GraphQLDocumentCache(IOptions<GraphQLLimits> limits) : IDisposable
{
    /// <summary>No rule of the specification: the configured ones (roles, complexity) are added to it per request.</summary>
    public static readonly IEnumerable<IValidationRule> CachedRules = [];

    private readonly long _limit = limits.Value.MaxCachedDocumentCharacters;
    private readonly MemoryCache _documents = new(new MemoryCacheOptions { SizeLimit = Math.Max(limits.Value.MaxCachedDocumentCharacters, 1) });

    public bool TryGet(string query, out GraphQLDocument document)
    {
        document = null!;
        return _limit > 0 && _documents.TryGetValue(query, out document!);
    }

    /// <summary>Keeps a document that GraphQL.NET validated and executed (only those: a refused one is checked again).</summary>
    public void Add(string query, GraphQLDocument document)
    {
        if (_limit > 0)
        {
            _documents.Set(query, document, new MemoryCacheEntryOptions { Size = Math.Max(query.Length, 1) });
        }
    }

    public void Dispose() => _documents.Dispose();
}
