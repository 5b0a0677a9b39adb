using System.Net;
using System.Text;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmAlliance.IntegrationTests.Infrastructure.GraphQL;

/// <summary>
/// 5,000 generated malformed and hostile requests (seeded, so a failure repeats): wrong types, nulls, unicode and
/// control characters, injection strings in string arguments, truncated and oversized bodies, wrong content types,
/// duplicate keys, fragment cycles, deep nesting, aliases. No answer may be a 5xx or show a stack trace, SQL or a .NET
/// type; afterwards the server answers correctly and its memory is back down.
/// </summary>
public sealed class GraphQLFuzzTests : IDisposable
{
    private const int Requests = 5_000;
    private readonly CapturedLogs _logs = new();
    private readonly CrmApiFactory factory;

    public GraphQLFuzzTests()
    {
        factory = new CrmApiFactory(new Dictionary<string, string>(), services => services.AddSingleton<ILoggerProvider>(_logs));
    }

    public void Dispose() => factory.Dispose();

    private static readonly string[] Hostile =
    [
        "' OR 1=1 --", "\"; DROP TABLE Companies; --", "<script>alert(1)</script>", "${jndi:ldap://x}", "../../etc/passwd",
        "\u0000", "\u202Egnp.exe", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀", "２０２５", "2025-Q9", "9999-99", "-1", "1e309", "NaN", "null", "",
        new string('x', 5_000), "\t\r\n", "%00", "\\u0000", "Q29tcGFueToxMjM=", "Company:not-a-guid", "0101901234",
    ];

    private static readonly string[] Leaks = ["Exception", "   at ", "SQLite", "System.", "Microsoft.", "SELECT ", "StackTrace"];

    [Fact]
    public async Task Five_thousand_hostile_requests_get_no_5xx_and_no_internals_and_leave_the_server_well()
    {
        var user = await factory.CreateUserAsync("CONSULTANT");
        var signedIn = user.Client.Http;
        var anonymous = factory.CreateClient();
        var random = new Random(20261206);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var logBytesBefore = _logs.TotalBytes;
        var failures = new List<string>();
        var deadline = DateTime.UtcNow.AddMinutes(3);

        for (var i = 0; i < Requests && DateTime.UtcNow < deadline; i++)
        {
            var (method, content, url, description) = Generate(random, i);
            using var request = new HttpRequestMessage(method, url) { Content = content };
            using var response = await (random.Next(4) == 0 ? anonymous : signedIn).SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500 || Array.Exists(Leaks, leak => body.Contains(leak, StringComparison.Ordinal)))
            {
                failures.Add($"#{i} {description}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers, e.g.:\n" + string.Join("\n", failures.Take(10)));
        Assert.True(DateTime.UtcNow < deadline, "The requests did not finish within 3 minutes.");
        // At the default levels the log stays small under attack: no request bodies, no stack trace per refusal.
        var logBytesPerRequest = (_logs.TotalBytes - logBytesBefore) / (double)Requests;
        Assert.True(logBytesPerRequest <= 1024, $"{logBytesPerRequest:0} log bytes per request, e.g.:\n" + string.Join("\n", _logs.Lines.TakeLast(5)));

        var me = await user.Client.QueryAsync("{ me { email } }");
        Assert.Equal(user.Email, me["me"]!["email"]!.GetValue<string>());
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var growth = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        Assert.True(growth < 100L * 1024 * 1024, $"The heap grew by {growth / 1048576} MB and stayed there.");
    }

    private static (HttpMethod Method, HttpContent? Content, string Url, string Description) Generate(Random random, int index)
    {
        var text = Hostile[random.Next(Hostile.Length)];
        var json = JsonString(text);
        return (index % 14) switch
        {
            0 => Post("""{"query":"query($f: CompanyFilter) { companies(first: 5, filter: $f) { totalCount } }","variables":{"f":{"nameContains":""" + json + "}}}", "injection in a filter"),
            1 => Post($$$"""{"query":"query($id: ID!) { company(id: $id) { name } }","variables":{"id":{{{json}}}}}""", "hostile ID"),
            2 => Post($$$"""{"query":"{ partnerYield(companyId: {{{Escape(json)}}}, period: {{{Escape(json)}}}) { definitionVersion } }"}""", "hostile period"),
            3 => Post($$$"""{"query":"query($n: Int) { companies(first: $n) { totalCount } }","variables":{"n":{{{WrongType(random)}}}}}""", "wrong type"),
            4 => Post("""{"query":"mutation($i: RegisterCompanyInput!) { registerCompany(input: $i) { id } }","variables":{"i":{"cvr":""" + json + ""","name":""" + json + ""","industryCode":""" + json + ""","address":null,"postcode":""" + json + ""","sector":"PRIVATE"}}}""", "hostile mutation input"),
            5 => Post("""{"query":"{ me { email } }","variables":{"a":1,"a":2}}""", "duplicate keys"),
            6 => Post(Truncate(random, """{"query":"query($f: CompanyFilter) { companies(first: 5, filter: $f) { edges { node { name cvr } } } }","variables":{"f":{"cvr":"12345674"}}}"""), "truncated body"),
            7 => (HttpMethod.Post, new StringContent("""{"query":"{ me { email } }"}""", Encoding.UTF8, new[] { "text/plain", "application/xml", "multipart/form-data", "application/x-www-form-urlencoded" }[random.Next(4)]), "/graphql", "wrong content type"),
            8 => Post($$$"""{"query":"query { companies(first: 1) { edges { node { ...a } } } } fragment a on Company { ...b } fragment b on Company { ...{{{(random.Next(2) == 0 ? "a" : "b")}}} }"}""", "fragment cycle"),
            9 => (HttpMethod.Get, null, "/graphql?query=" + Uri.EscapeDataString("{ me " + string.Concat(Enumerable.Repeat("{ a ", random.Next(10, 300))) + "}"), "deep GET"),
            10 => Post("{\"query\":\"{ " + string.Concat(Enumerable.Range(0, random.Next(50, 400)).Select(n => $"a{n}: me {{ email }} ")) + "}\"}", "aliases"),
            11 => (HttpMethod.Post, Bytes(random), "/graphql", "random bytes"),
            12 => Post($$$"""{"query":{{{json}}}}""", "hostile query text"),
            // The in-process client itself refuses a NUL in the path (Kestrel answers 400): it stays in the query string.
            _ => (HttpMethod.Get, null, "/exports/" + Uri.EscapeDataString(text.Replace("\0", "", StringComparison.Ordinal)) + ".csv?period=" + Uri.EscapeDataString(text), "hostile export"),
        };
    }

    private static (HttpMethod, HttpContent?, string, string) Post(string body, string description)
        => (HttpMethod.Post, new StringContent(body, Encoding.UTF8, "application/json"), "/graphql", description);

    private static string JsonString(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    /// <summary>A JSON string literal written inside a GraphQL document inside a JSON string.</summary>
    private static string Escape(string jsonLiteral) => JsonString(jsonLiteral)[1..^1];

    private static string WrongType(Random random) => new[] { "\"ten\"", "1.5", "true", "[1,2]", "{\"a\":1}", "99999999999999999999", "-2147483649", "null" }[random.Next(8)];

    private static string Truncate(Random random, string body) => body[..random.Next(1, body.Length)];

    private static ByteArrayContent Bytes(Random random)
    {
        var bytes = new byte[random.Next(1, 2_000)];
        random.NextBytes(bytes);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}
