using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

/// <summary>
/// Bounds a GraphQL document in linear time before GraphQL.NET validates it: its length and tokens (one pass over the
/// text), then, on the parsed document, depth, fields, aliases and fragment spreads with fragments expanded. Each
/// fragment is measured once (memoised), so nesting aliases through fragments cannot make this check exponential.
/// </summary>
public static class GraphQLDocumentCheck
{
    /// <summary>Brackets of any kind nested deeper than this are refused before the parser recurses into them.</summary>
    private const int MaxNesting = 64;

    /// <summary>The parsed document, or the code and message of its refusal.</summary>
    public static (GraphQLDocument? Document, string? Code, string? Refusal) Check(string query, GraphQLLimits limits)
    {
        if (query.Length > limits.MaxDocumentLength)
        {
            return (null, GraphQLHttpEndpoint.TooComplex, $"The query is {query.Length:N0} characters long; at most {limits.MaxDocumentLength:N0} are accepted.");
        }

        var (tokens, nesting) = Scan(query, limits.MaxTokens);
        if (tokens > limits.MaxTokens)
        {
            return (null, GraphQLHttpEndpoint.TooComplex, $"The query has more than {limits.MaxTokens:N0} tokens.");
        }

        if (nesting > MaxNesting)
        {
            return (null, GraphQLHttpEndpoint.TooComplex, $"The query nests brackets more than {MaxNesting} deep.");
        }

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query, new ParserOptions { MaxDepth = MaxNesting * 2 });
        }
        catch (GraphQLParserException syntax)
        {
            return (null, GraphQLHttpEndpoint.BadRequest, "The query is not valid GraphQL: " + syntax.Description);
        }

        var refusal = new Measure(document, limits).Refusal();
        return refusal is null ? (document, null, null) : (null, GraphQLHttpEndpoint.TooComplex, refusal);
    }

    /// <summary>True when the document asks for <c>__schema</c> or <c>__type</c> (they can only stand at the root).</summary>
    public static bool SelectsIntrospection(GraphQLDocument document)
    {
        var sets = new Stack<GraphQLSelectionSet>(document.Definitions.OfType<GraphQLExecutableDefinition>().Select(d => d.SelectionSet));
        while (sets.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field when field.Name.StringValue is "__schema" or "__type":
                        return true;
                    case GraphQLInlineFragment inline:
                        sets.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        return false;
    }

    /// <summary>Tokens and the deepest nesting of (), [] and {}; strings and comments are skipped, stopping early past the limit.</summary>
    private static (int Tokens, int Nesting) Scan(string text, int maxTokens)
    {
        int tokens = 0, depth = 0, deepest = 0;
        for (var i = 0; i < text.Length && tokens <= maxTokens; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == ',' || c == '\uFEFF')
            {
                continue;
            }

            tokens++;
            switch (c)
            {
                case '#':
                    while (i + 1 < text.Length && text[i + 1] is not ('\n' or '\r'))
                    {
                        i++;
                    }

                    tokens--;
                    break;
                case '"':
                    i = SkipString(text, i);
                    break;
                case '{' or '[' or '(':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case '}' or ']' or ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                default:
                    if (char.IsLetterOrDigit(c) || c is '_' or '-' or '.')
                    {
                        while (i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] is '_' or '.' or '+' or '-'))
                        {
                            i++;
                        }
                    }

                    break;
            }
        }

        return (tokens, deepest);
    }

    private static int SkipString(string text, int start)
    {
        var block = string.CompareOrdinal(text, start, "\"\"\"", 0, 3) == 0;
        var i = start + (block ? 3 : 1);
        for (; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (block ? string.CompareOrdinal(text, i, "\"\"\"", 0, 3) == 0 : text[i] is '"' or '\n')
            {
                return block ? i + 2 : i;
            }
        }

        return text.Length;
    }

    /// <summary>Totals per selection set, with each fragment's totals computed once.</summary>
    private sealed class Measure(GraphQLDocument document, GraphQLLimits limits)
    {
        private readonly Dictionary<string, GraphQLFragmentDefinition> fragments = document.Definitions
            .OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue)
            .ToDictionary(g => g.Key, g => g.First());

        private readonly Dictionary<string, Totals> measured = [];
        private readonly HashSet<string> measuring = [];
        private bool cycle;

        public string? Refusal()
        {
            foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
            {
                var totals = Of(operation.SelectionSet);
                if (cycle)
                {
                    return "The query's fragments spread each other in a cycle.";
                }

                var refusal = totals.Depth > limits.MaxDepth ? $"The query nests fields more than {limits.MaxDepth} deep (fragments expanded)."
                    : totals.Fields > limits.MaxFields ? $"The query selects more than {limits.MaxFields:N0} fields (fragments expanded)."
                    : totals.Aliases > limits.MaxAliases ? $"The query uses more than {limits.MaxAliases:N0} aliases (fragments expanded)."
                    : totals.Spreads > limits.MaxFragmentSpreads ? $"The query spreads fragments more than {limits.MaxFragmentSpreads:N0} times (fragments expanded)."
                    : null;
                if (refusal is not null)
                {
                    return refusal;
                }
            }

            return null;
        }

        private Totals Of(GraphQLSelectionSet? set)
        {
            var totals = Totals.Zero;
            foreach (var selection in set?.Selections ?? [])
            {
                totals = totals.Plus(selection switch
                {
                    GraphQLField field => Of(field.SelectionSet).Nested(field.Alias is not null),
                    GraphQLInlineFragment inline => Of(inline.SelectionSet),
                    GraphQLFragmentSpread spread => OfFragment(spread.FragmentName.Name.StringValue).Spread(),
                    _ => Totals.Zero,
                });
            }

            return totals;
        }

        private Totals OfFragment(string name)
        {
            if (measured.TryGetValue(name, out var known))
            {
                return known;
            }

            if (!fragments.TryGetValue(name, out var fragment) || !measuring.Add(name))
            {
                // Unknown fragments are GraphQL.NET's validation error; a cycle is reported here.
                cycle |= fragments.ContainsKey(name);
                return Totals.Zero;
            }

            var totals = Of(fragment.SelectionSet);
            measuring.Remove(name);
            measured[name] = totals;
            return totals;
        }
    }

    /// <summary>Counts saturate instead of overflowing: a document past any limit only needs to be seen as past it.</summary>
    private readonly record struct Totals(long Fields, long Aliases, long Spreads, int Depth)
    {
        public static Totals Zero => default;

        public Totals Plus(Totals other) => new(Add(Fields, other.Fields), Add(Aliases, other.Aliases), Add(Spreads, other.Spreads), Math.Max(Depth, other.Depth));

        public Totals Nested(bool aliased) => new(Add(Fields, 1), Add(Aliases, aliased ? 1 : 0), Spreads, Depth + 1);

        public Totals Spread() => this with { Spreads = Add(Spreads, 1) };

        private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
    }
}
