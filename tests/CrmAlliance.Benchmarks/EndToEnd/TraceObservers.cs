using CrmAlliance.Contracts;
using MassTransit;

namespace CrmAlliance.Benchmarks.EndToEnd;

/// <summary>
/// The Api's side of a vacancy's trace: the dispatcher publishing VacancyPosted, and VacancyMatchedConsumer
/// storing the suggestions. <see cref="IConsumeObserver.PostConsume{T}"/> runs after the consumer returned,
/// i.e. after the inbox's SaveChanges committed the suggestions: that is the "stored" end of the measurement.
/// Also times the publish comparison's messages.
/// </summary>
public sealed class ApiTraceObserver(VacancyTraces traces) : IPublishObserver, IConsumeObserver
{
    public Task PrePublish<T>(PublishContext<T> context)
        where T : class
    {
        switch (context.Message)
        {
            case VacancyPosted posted:
                traces.For(posted.VacancyId).Mark(TracePoint.DispatchStarted);
                break;
            case PlacementEnded ended:
                traces.ComparisonPublishing(ended.PlacementId, PublishComparison.IndexOf(ended));
                break;
        }

        return Task.CompletedTask;
    }

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class
    {
        switch (context.Message)
        {
            case VacancyPosted posted:
                traces.For(posted.VacancyId).Mark(TracePoint.PublishConfirmed);
                break;
            case PlacementEnded:
                traces.ComparisonConfirmed();
                break;
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class
    {
        traces.Fault();
        return Task.CompletedTask;
    }

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.Message is VacancyMatched matched)
        {
            var trace = traces.For(matched.VacancyId);
            trace.Mark(TracePoint.StoreStarted);
            trace.StoreDelivered(matched.Matches.Count);
        }

        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.Message is VacancyMatched matched)
        {
            traces.For(matched.VacancyId).Mark(TracePoint.Stored);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class
    {
        traces.Fault();
        return Task.CompletedTask;
    }
}

/// <summary>The matching worker's side: it starts on VacancyPosted, and publishes VacancyMatched when the matches are computed.</summary>
public sealed class WorkerTraceObserver(VacancyTraces traces) : IPublishObserver, IConsumeObserver
{
    public Task PrePublish<T>(PublishContext<T> context)
        where T : class
    {
        if (context.Message is VacancyMatched matched)
        {
            traces.For(matched.VacancyId).Mark(TracePoint.MatchedPublished);
        }

        return Task.CompletedTask;
    }

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class
        => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class
    {
        traces.Fault();
        return Task.CompletedTask;
    }

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.Message is VacancyPosted posted)
        {
            var trace = traces.For(posted.VacancyId);
            trace.Mark(TracePoint.MatchingStarted);
            trace.WorkerDelivered();
        }

        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
        => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class
    {
        traces.Fault();
        return Task.CompletedTask;
    }
}
