using System.Net;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Infrastructure.Messaging;

/// <summary>Readiness includes the broker when one is configured; liveness never does.</summary>
public sealed class BusHealthTests
{
    [Fact]
    public async Task With_an_unreachable_broker_the_Api_is_live_but_not_ready_and_still_serves_users()
    {
        using var api = new CrmApiFactory(new Dictionary<string, string>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMq:Host"] = "127.0.0.1",

            // Nothing listens on port 1.
            ["Bus:RabbitMq:Port"] = "1",
            ["Matching:InProcess"] = "false",
        });
        var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

        // Users are not held up: their changes and events are committed; the outbox waits for the broker.
        var consultant = (await api.CreateUserAsync("CONSULTANT")).Client;
        var company = await Vacancies.VacancyScenario.RegisterCompanyAtWorkAsync(consultant);
        await Vacancies.VacancyScenario.PostVacancyAsync(consultant, company);
        await using var db = api.NewDbContext();
        Assert.Contains(db.OutboxMessages, m => m.MessageType == "VacancyPosted" && m.SentAt == null);
    }

    [Fact]
    public async Task The_embedded_default_is_ready_with_its_in_memory_bus()
    {
        using var api = new CrmApiFactory();
        var ready = await api.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
