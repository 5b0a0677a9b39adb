using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.Matching.Loading;
using CrmAlliance.Matching.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Matches;

/// <summary>
/// The Api host and the matching worker host as two separate hosts over the real RabbitMQ, each test
/// class in a virtual host of its own. The worker reads the Api's candidate snapshot over HTTP.
/// </summary>
public sealed class RabbitMqFixture : IAsyncLifetime
{
    private const string SnapshotKey = "test-snapshot-key";

    public string VirtualHost { get; private set; } = "";

    public CrmApiFactory Api { get; private set; } = null!;

    public WebApplication? Worker { get; private set; }

    public GraphQLClient Consultant { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (RabbitMqBroker.MissingReason(needsRestart: false) is not null)
        {
            return;
        }

        VirtualHost = await RabbitMqBroker.CreateVirtualHostAsync();
        Api = new CrmApiFactory(new Dictionary<string, string>(BusSettings)
        {
            ["Matching:InProcess"] = "false",
            ["Matching:SnapshotKey"] = SnapshotKey,

            // Quick retries, so the fault test sees recovery within seconds of the broker's return.
            ["Outbox:PublishTimeout"] = "00:00:02",
            ["Outbox:MaxBackoff"] = "00:00:02",
        });
        Consultant = (await Api.CreateUserAsync("CONSULTANT")).Client;

        // Registered before the worker starts: it can only learn of these from the Api's snapshot.
        for (var i = 0; i < 3; i++)
        {
            SnapshotCandidates.Add(await RegisterCandidateAsync(SnapshotOccupation));
        }

        await StartWorkerAsync();
    }

    /// <summary>The occupation of the candidates the worker loads from the snapshot.</summary>
    public const string SnapshotOccupation = "2512";

    public List<string> SnapshotCandidates { get; } = [];

    public async Task<string> RegisterCandidateAsync(string occupation)
    {
        var input = CrmAlliance.IntegrationTests.Candidates.CandidateScenario.NewCandidate();
        input["soughtOccupations"] = new[] { occupation };
        input["availableFrom"] = TestData.Today.ToString("yyyy-MM-dd");
        var candidate = await CrmAlliance.IntegrationTests.Candidates.CandidateScenario.RegisterCandidateAsync(Consultant, input);
        return candidate["id"]!.GetValue<string>();
    }

    private Dictionary<string, string> BusSettings => new()
    {
        ["Bus:Transport"] = "RabbitMq",
        ["Bus:RabbitMq:Host"] = RabbitMqBroker.Host!,
        ["Bus:RabbitMq:VirtualHost"] = VirtualHost,
        ["Bus:RabbitMq:PrefetchCount"] = PrefetchCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Not the default (16), so that a test can see the setting reach the broker.</summary>
    public const int PrefetchCount = 7;

    private async Task StartWorkerAsync()
    {
        Worker = MatchingWorker.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(BusSettings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            {
                ["Matching:SnapshotUrl"] = "http://api/matching/candidate-snapshot",
                ["Matching:SnapshotKey"] = SnapshotKey,
                ["Matching:InstanceName"] = "test-" + VirtualHost,
            });
            builder.Services.AddHttpClient<ICandidateSnapshotSource, HttpCandidateSnapshotSource>().ConfigurePrimaryHttpMessageHandler(() => Api.Server.CreateHandler());
        });
        await Worker.StartAsync();
        using var health = Worker.GetTestClient();
        await Polling.WaitForAsync(
            async () => (await health.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == System.Net.HttpStatusCode.OK,
            "the matching worker to be ready (index loaded, broker connected)");
    }

    public async Task DisposeAsync()
    {
        if (Worker is not null)
        {
            await Worker.StopAsync();
            await Worker.DisposeAsync();
        }

        Api?.Dispose();
        if (VirtualHost.Length > 0)
        {
            await RabbitMqBroker.DeleteVirtualHostAsync(VirtualHost);
        }
    }
}
