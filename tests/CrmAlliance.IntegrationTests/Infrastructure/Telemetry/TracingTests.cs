using System.Collections.Concurrent;
using System.Diagnostics;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Bus.Telemetry;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Vacancies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CrmAlliance.IntegrationTests.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry read back with the in-memory exporters: one trace from a vacancy's post through the outbox, the
/// bus and matching to the stored suggestions, logs that carry it, and the GraphQL operation metrics.
/// </summary>
public sealed class TracingTests : IDisposable
{
    private const string PostVacancy = "mutation PostVacancy($input: PostVacancyInput!) { postVacancy(input: $input) { id } }";

    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<(ActivityTraceId TraceId, string? Message)> _logs = new();
    private readonly List<Metric> _metrics = [];
    private readonly CrmApiFactory _factory;

    public TracingTests()
    {
        _factory = new CrmApiFactory(
            new Dictionary<string, string> { ["Telemetry:Enabled"] = "true" },
            services => services
                .ConfigureOpenTelemetryTracerProvider(traces => traces.AddProcessor(new SimpleActivityExportProcessor(new QueueExporter<Activity>(_spans.Enqueue))))
                .ConfigureOpenTelemetryLoggerProvider(logs => logs.AddProcessor(new SimpleLogRecordExportProcessor(new QueueExporter<LogRecord>(record => _logs.Enqueue((record.TraceId, record.FormattedMessage))))))
                .ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(_metrics)));
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_vacancy_s_post_its_matching_and_its_stored_suggestions_share_one_trace_and_its_logs_carry_it()
    {
        var consultant = (await _factory.CreateUserAsync("CONSULTANT")).Client;
        var company = await consultant.RegisterCompanyAtWorkAsync();
        var vacancyId = (await consultant.QueryAsync(PostVacancy, new { input = VacancyScenario.NewVacancy(company) }))["postVacancy"]!["id"]!.GetValue<string>();

        var post = Assert.Single(_spans, s => s.Source.Name == "GraphQL" && Equals(s.GetTagItem("graphql.operation.name"), "PostVacancy"));
        var trace = post.TraceId;
        var key = Api.Infrastructure.GraphQL.GlobalId.Parse(vacancyId, "Vacancy", "id").ToString();
        // A span is exported when it ends: the consume span of the stored suggestions ends after their log record.
        await WaitForAsync(() => _logs.Any(l => l.TraceId == trace && l.Message?.Contains(key, StringComparison.Ordinal) == true && l.Message.StartsWith("Storing", StringComparison.Ordinal))
            && _spans.Any(s => s.TraceId == trace && s.Source.Name == "MassTransit" && s.DisplayName == "vacancy-matched process")
            && _spans.Any(s => s.TraceId == trace && s.Source.Name == CrmTelemetry.SourceName));

        Assert.Contains(_spans, s => s.TraceId == trace && s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server);
        Assert.Contains(_spans, s => s.TraceId == trace && s.Source.Name == CrmTelemetry.SourceName && s.DisplayName == "outbox publish VacancyPosted");
        var consumed = _spans.Where(s => s.TraceId == trace && s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer).Select(s => s.DisplayName).ToList();
        Assert.Contains("vacancy-matching process", consumed); // the matching service consumes VacancyPosted …
        Assert.Contains("vacancy-matched process", consumed);  // … and the Api stores what it found
        Assert.Contains(_spans, s => s.TraceId == trace && s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_GraphQL_operation_is_measured_by_name_and_a_refused_one_by_its_error_code()
    {
        var consultant = (await _factory.CreateUserAsync("CONSULTANT")).Client;
        await consultant.QueryAsync("query WhoAmI { me { email } }");
        var refused = await consultant.SendAsync("query Missing($id: ID!) { company(id: $id) { name } }", new { id = "not-an-id" });
        Assert.NotEmpty(refused.Errors);

        _factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var points = _metrics.Where(m => m.Name == "crmalliance.graphql.operation.duration").SelectMany(Points).ToList();
        Assert.Contains(points, p => p.Name == "WhoAmI" && p.Error is null && p.Count >= 1);
        Assert.Contains(points, p => p.Name == "Missing" && p.Error == "VALIDATION");
    }

    [Fact]
    public async Task An_event_queued_without_a_listening_tracer_has_no_trace_context_and_one_queued_in_a_request_has_the_request_s()
    {
        var consultant = (await _factory.CreateUserAsync("CONSULTANT")).Client;
        var company = await consultant.RegisterCompanyAtWorkAsync();
        await consultant.QueryAsync(PostVacancy, new { input = VacancyScenario.NewVacancy(company) });
        var post = _spans.Last(s => s.Source.Name == "GraphQL" && Equals(s.GetTagItem("graphql.operation.name"), "PostVacancy"));

        await using var db = _factory.NewDbContext();
        var queued = await db.OutboxMessages.Where(m => m.MessageType == "VacancyPosted").OrderByDescending(m => m.Sequence).FirstAsync();
        Assert.NotNull(queued.TraceParent);
        Assert.Equal(post.TraceId, ActivityContext.Parse(queued.TraceParent!, null).TraceId);
    }

    private static IEnumerable<(string? Name, string? Error, long Count)> Points(Metric metric)
    {
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            string? name = null, error = null;
            foreach (var tag in point.Tags)
            {
                (name, error) = tag.Key switch
                {
                    "graphql.operation.name" => (tag.Value as string, error),
                    "error.type" => (name, tag.Value as string),
                    _ => (name, error),
                };
            }

            yield return (name, error, point.GetHistogramCount());
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var waited = 0; waited < 150 && !condition(); waited++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), "Timed out waiting for the stored suggestions' log record and consume span.");
    }

    /// <summary>
    /// Hands each exported item to <paramref name="keep"/> as it is exported: the SDK reuses log records afterwards, and
    /// the in-memory exporter's list is not safe for the bus's concurrent consumers.
    /// </summary>
    private sealed class QueueExporter<T>(Action<T> keep) : BaseExporter<T>
        where T : class
    {
        public override ExportResult Export(in Batch<T> batch)
        {
            foreach (var item in batch)
            {
                keep(item);
            }

            return ExportResult.Success;
        }
    }
}

/// <summary>Without a collector (the embedded default) no telemetry pipeline runs at all.</summary>
public sealed class TelemetryOffByDefaultTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public void Without_an_OTLP_endpoint_no_tracer_meter_or_log_exporter_is_registered()
    {
        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }
}
