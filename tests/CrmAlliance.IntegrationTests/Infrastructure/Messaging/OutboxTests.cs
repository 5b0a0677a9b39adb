using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Contracts;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Vacancies;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Infrastructure.Messaging;

/// <summary>
/// Events go out with their change: the same transaction writes the outbox row, and the dispatcher
/// publishes it on MassTransit's bus (the test harness's in-memory transport) as soon as the commit
/// signals it. The poll interval is an hour here, so only the signal can explain a prompt publish.
/// </summary>
public sealed class OutboxTests(OutboxTests.Factory factory) : IClassFixture<OutboxTests.Factory>
{
    public sealed class Factory() : IAsyncLifetime
    {
        public CrmApiFactory Api { get; } = new(new Dictionary<string, string> { ["Outbox:PollInterval"] = "01:00:00" }, services => services.AddMassTransitTestHarness());

        public GraphQLClient Consultant { get; private set; } = null!;

        public async Task InitializeAsync() => Consultant = (await Api.CreateUserAsync("CONSULTANT")).Client;

        public Task DisposeAsync()
        {
            Api.Dispose();
            return Task.CompletedTask;
        }
    }

    private CrmApiFactory Api => factory.Api;

    [Fact]
    public async Task Publishing_a_vacancy_commits_its_event_with_it_and_the_signalled_dispatcher_puts_it_on_the_bus()
    {
        var company = await factory.Consultant.RegisterCompanyAtWorkAsync();
        var vacancy = await factory.Consultant.PostVacancyAsync(company);
        var id = vacancy.VacancyGuid();

        // The response came after the commit: the row is there already, in the same transaction.
        var rows = await RowsAsync(id);
        var row = Assert.Single(rows);
        Assert.Equal(nameof(VacancyPosted), row.MessageType);

        var sent = await WaitUntilSentAsync(id, 1);
        Assert.Equal(row.MessageId, sent.Single().MessageId);
        var harness = Api.Services.GetRequiredService<ITestHarness>();
        Assert.True(await harness.Published.Any<VacancyPosted>(m => m.Context.MessageId == row.MessageId));
        var published = harness.Published.Select<VacancyPosted>(m => m.Context.MessageId == row.MessageId).Single().Context.Message;
        Assert.Equal((id, company.CompanyGuid, "9000", "OrdinaryJob", "7233"), (published.VacancyId, published.CompanyId, published.WorkplacePostcode, published.OfferKind, published.OccupationCode));
        Assert.Equal(["Svejsning", "Hydraulik"], published.RequiredSkills);
    }

    [Fact]
    public async Task A_vacancy_s_life_gives_posted_changed_closed_and_posted_again_in_order()
    {
        var company = await factory.Consultant.RegisterCompanyAtWorkAsync();
        var vacancy = await factory.Consultant.PostVacancyAsync(company, publish: false);
        var id = vacancy.VacancyGuid();
        Assert.Empty(await RowsAsync(id));

        vacancy = (await factory.Consultant.QueryAsync(VacancyScenario.ChangeStatus, VacancyScenario.Transition(vacancy, "PUBLISH")))["changeVacancyStatus"]!;
        var update = VacancyScenario.UpdateOf(vacancy);
        update["positions"] = 3;
        vacancy = (await factory.Consultant.QueryAsync(VacancyScenario.Update, new { input = update }))["updateVacancy"]!;
        vacancy = (await factory.Consultant.QueryAsync(VacancyScenario.ChangeStatus, VacancyScenario.Transition(vacancy, "CLOSE")))["changeVacancyStatus"]!;
        await factory.Consultant.QueryAsync(VacancyScenario.ChangeStatus, VacancyScenario.Transition(vacancy, "REOPEN"));

        Assert.Equal([nameof(VacancyPosted), nameof(VacancyChanged), nameof(VacancyClosed), nameof(VacancyPosted)], (await RowsAsync(id)).Select(r => r.MessageType));
        var sent = await WaitUntilSentAsync(id, 4);
        Assert.Equal(sent.OrderBy(r => r.Sequence).Select(r => r.MessageId), sent.OrderBy(r => r.SentAt).ThenBy(r => r.Sequence).Select(r => r.MessageId));
    }

    [Fact]
    public async Task A_refused_change_writes_no_event()
    {
        var company = await factory.Consultant.RegisterCompanyAtWorkAsync();
        var vacancy = await factory.Consultant.PostVacancyAsync(company);
        var update = VacancyScenario.UpdateOf(vacancy);
        update["positions"] = 0;

        (await factory.Consultant.SendAsync(VacancyScenario.Update, new { input = update })).ShouldFailWith("VALIDATION");

        Assert.Single(await RowsAsync(vacancy.VacancyGuid()));
    }

    private async Task<List<OutboxMessage>> RowsAsync(Guid aggregateId)
    {
        await using var db = Api.NewDbContext();
        return await db.OutboxMessages.Where(m => m.AggregateId == aggregateId).OrderBy(m => m.Sequence).ToListAsync();
    }

    private async Task<List<OutboxMessage>> WaitUntilSentAsync(Guid aggregateId, int count)
    {
        List<OutboxMessage> rows = [];
        await Polling.WaitForAsync(
            async () => (rows = await RowsAsync(aggregateId)).Count(r => r.SentAt is not null) >= count,
            $"the dispatcher to publish {count} event(s) for {aggregateId}: with a poll interval of an hour, only the commit's signal wakes it",
            TimeSpan.FromSeconds(10),
            TimeSpan.FromMilliseconds(50));
        return rows;
    }
}
