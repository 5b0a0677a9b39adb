using System.Net.Http.Json;
using System.Text;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmAlliance.IntegrationTests.Infrastructure.Logging;

/// <summary>
/// At the default log levels (appsettings.json), a day's mixed traffic — good and bad queries, refusals, failed
/// sign-ins, garbage — writes about a kilobyte per request at most, and none of what people sent.
/// </summary>
public sealed class LogVolumeTests : IDisposable
{
    private const string Marker = "Sporbar-Persondata-7Q";
    private readonly CapturedLogs _logs = new();
    private readonly CrmApiFactory _factory;

    public LogVolumeTests()
    {
        _factory = new CrmApiFactory(new Dictionary<string, string>(), services => services.AddSingleton<ILoggerProvider>(_logs));
    }

    [Fact]
    public async Task Mixed_good_and_hostile_traffic_logs_at_most_a_kilobyte_per_request_and_no_request_content()
    {
        var consultant = await _factory.CreateUserAsync("CONSULTANT");
        var companyId = await consultant.Client.RegisterCompanyAsync("Logfri Smedie ApS", address: "Vej 3");
        var anonymous = _factory.CreateClient();
        var before = _logs.TotalBytes;

        var requests = 0;
        for (var round = 0; round < 20; round++)
        {
            await consultant.Client.SendAsync("{ companies(first: 5) { nodes { id name } } }");
            await consultant.Client.SendAsync("{ companies(first: 5) { nodes { id name " + Marker + " } } }");
            await consultant.Client.SendAsync("{ companies(first: ");
            await consultant.Client.SendAsync("mutation($input: LogContactInput!) { logContact(input: $input) { id } }",
                new { input = new { companyId, occurredAt = DateTimeOffset.UtcNow, channel = "PHONE", summary = $"Ringede til {Marker}, 010203-1234 er ikke et CPR her." } });
            await consultant.Client.SendAsync("mutation($input: LogContactInput!) { logContact(input: $input) { id } }",
                new { input = new { companyId = "not-an-id-" + Marker, occurredAt = "i går", channel = "BREVDUE", summary = Marker } });
            await consultant.Client.SendAsync("{ company(id: \"" + Marker + "\") { name } }");
            await consultant.Client.SendAsync("query($id: ID!) { company(id: $id) { name } }", new { id = new { nested = Marker } });
            using var garbage = await anonymous.PostAsync("/graphql", new StringContent("{\"query\": \"" + Marker + "\x01", Encoding.UTF8, "application/json"));
            using var wrongType = await anonymous.PostAsync("/graphql", new StringContent(Marker, Encoding.UTF8, "text/plain"));
            using var anonymousQuery = await anonymous.PostAsJsonAsync("/graphql", new { query = "{ me { email } }" });
            using var failedLogin = await anonymous.PostAsJsonAsync("/auth/login", new { email = $"{Marker}-{round}@test.local", password = "forkert-" + Marker });
            using var forgot = await anonymous.PostAsJsonAsync("/auth/forgotPassword", new { email = $"{Marker}-{round}@test.local" });
            requests += 12;
        }

        // Races refused by design (CONFLICT) are not errors worth a stack trace each.
        var pledgeRaces = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => consultant.Client.SendAsync(
            "mutation($input: RecordPledgeInput!) { recordPledge(input: $input) { id } }",
            new { input = new { companyId, periodStart = $"2027-01-{i + 1:D2}", periodEnd = $"2027-07-{i + 1:D2}", internships = 1 } })));
        requests += pledgeRaces.Length;

        var bytesPerRequest = (_logs.TotalBytes - before) / (double)requests;
        Assert.True(bytesPerRequest <= 1024, $"{bytesPerRequest:0} bytes logged per request:\n" + string.Join("\n", _logs.Lines.TakeLast(20)));
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(Marker, StringComparison.Ordinal) || line.Contains("010203-1234", StringComparison.Ordinal));
        Assert.Contains(pledgeRaces, r => r.Codes.Contains("CONFLICT") || r.Codes.Contains("RULE_VIOLATION"));
        Assert.DoesNotContain(_logs.Lines, line => line.StartsWith("Error: Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    public void Dispose() => _factory.Dispose();
}
