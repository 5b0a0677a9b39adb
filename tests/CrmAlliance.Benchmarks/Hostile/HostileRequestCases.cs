using System.Text;

namespace CrmAlliance.Benchmarks.Hostile;

/// <summary>One request to weigh: how it is sent, and whether it carries the signed-in user's token.</summary>
public sealed record HostileRequestCase(string Name, bool SignedIn, HttpMethod Method, string Url, byte[]? Body);

/// <summary>
/// The requests the hardening issue measured (each once cost seconds to minutes, or gigabytes), plus ordinary ones
/// for scale: built once, so that building them costs nothing during the measurement.
/// </summary>
public static class HostileRequestCases
{
    public static IReadOnlyList<HostileRequestCase> All() =>
    [
        Post("ordinary: companies(first: 20)", true, Query("{ companies(first: 20) { edges { node { id name cvr membershipStatus } } } }")),
        Post("ordinary: me", true, Query("{ me { email role } }")),
        Post("aliases doubling through 10 levels of nested fragments", true, Query(AliasFragments(10))),
        Post("the same through introspection types, anonymous", false, Query(IntrospectionFragments(12))),
        Post("20,000 repeated me { email } (250 KB), anonymous", false, Query("{ " + string.Concat(Enumerable.Repeat("me { email } ", 20_000)) + "}")),
        Post("20,000 repeated me { email }, signed in", true, Query("{ " + string.Concat(Enumerable.Repeat("me { email } ", 20_000)) + "}")),
        Post("a 500,000-item list variable", true, ListVariable(500_000)),
        Post("a 20 MB list variable", true, ListVariable(2_500_000)),
        Post("an 11 MB string variable (under the body limit)", true, Encoding.UTF8.GetBytes("""{"query":"query($f: CompanyFilter) { companies(first: 5, filter: $f) { totalCount } }","variables":{"f":{"nameContains":" """ .TrimEnd() + new string('x', 11_000_000) + "\"}}}")),
        new("GET nested 5,000 brackets deep", true, HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ me " + string.Concat(Enumerable.Repeat("{ a ", 5_000)) + "}"), null),
        Post("duplicate keys in variables", true, Encoding.UTF8.GetBytes("""{"query":"{ me { email } }","variables":{"a":1,"a":2}}""")),
        Post("invalid UTF-8", true, [.. Encoding.UTF8.GetBytes("""{"query":"{ me { email """), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("""} }"}""")]),
        Post("fragment cycle", true, Query("query { companies(first: 1) { edges { node { ...a } } } } fragment a on Company { ...b } fragment b on Company { ...a }")),
        Post("a 13 MB body (over the limit)", true, Encoding.UTF8.GetBytes("{\"query\":\"" + new string(' ', 13_000_000) + "{ me { email } }\"}")),
    ];

    private static HostileRequestCase Post(string name, bool signedIn, byte[] body) => new(name, signedIn, HttpMethod.Post, "/graphql", body);

    private static byte[] Query(string query) => Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { query }));

    private static byte[] ListVariable(int items)
        => Encoding.UTF8.GetBytes("""{"query":"query($s: [String!]) { occupations(search: \"svejs\", first: 5) { totalCount } }","variables":{"s":[""" + string.Join(',', Enumerable.Repeat("\"1234567\"", items)) + "]}}");

    /// <summary>Each level selects the one below twice under two aliases: 2^(2·levels) fields once expanded.</summary>
    private static string AliasFragments(int levels)
    {
        var text = new StringBuilder($"query {{ companies(first: 1) {{ edges {{ node {{ ...c{levels} }} }} }} }} fragment c0 on Company {{ name }}");
        for (var level = 1; level <= levels; level++)
        {
            text.Append($" fragment v{level} on Vacancy {{ a: company {{ ...c{level - 1} }} b: company {{ ...c{level - 1} }} }}");
            text.Append($" fragment c{level} on Company {{ a: vacancies {{ ...v{level} }} b: vacancies {{ ...v{level} }} }}");
        }

        return text.ToString();
    }

    private static string IntrospectionFragments(int levels)
    {
        var text = new StringBuilder("query { __schema { types { ...t" + levels + " } } } fragment t0 on __Type { name }");
        for (var level = 1; level <= levels; level++)
        {
            text.Append($" fragment t{level} on __Type {{ a{level}: ofType {{ ...t{level - 1} }} b{level}: ofType {{ ...t{level - 1} }} }}");
        }

        return text.ToString();
    }
}
