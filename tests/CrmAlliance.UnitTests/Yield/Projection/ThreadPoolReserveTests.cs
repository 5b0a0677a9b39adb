using CrmAlliance.Api.Features.Yield.Projection.Rebuild;

namespace CrmAlliance.UnitTests.Yield.Projection;

public sealed class ThreadPoolReserveTests
{
    [Fact]
    public void Overlapping_reserves_add_up_and_the_minimum_is_back_where_it_was_whichever_ends_first()
    {
        ThreadPool.GetMinThreads(out var before, out var portsBefore);

        var first = new ThreadPoolReserve(2);
        Assert.Equal(before + 2, MinWorkers());
        var second = new ThreadPoolReserve(3);
        Assert.Equal(before + 5, MinWorkers());

        first.Dispose();
        Assert.Equal(before + 3, MinWorkers());
        first.Dispose();
        Assert.Equal(before + 3, MinWorkers());
        second.Dispose();

        ThreadPool.GetMinThreads(out var after, out var portsAfter);
        Assert.Equal((before, portsBefore), (after, portsAfter));
    }

    private static int MinWorkers()
    {
        ThreadPool.GetMinThreads(out var workers, out _);
        return workers;
    }
}
