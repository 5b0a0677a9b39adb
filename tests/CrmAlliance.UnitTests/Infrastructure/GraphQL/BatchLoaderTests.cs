using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.GraphQL;

namespace CrmAlliance.UnitTests.Infrastructure.GraphQL;

public sealed class BatchLoaderTests
{
    [Fact]
    public async Task Keys_asked_for_together_are_fetched_in_one_call()
    {
        var calls = new List<IReadOnlyCollection<int>>();
        var loader = new BatchLoader<int, string>((keys, _) =>
        {
            calls.Add(keys);
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => $"v{k}"));
        });

        var one = loader.Load(1);
        var two = loader.Load(2);

        Assert.Equal("v2", await two.GetResultAsync());
        Assert.Equal("v1", await one.GetResultAsync());
        Assert.Equal([[1, 2]], calls);
    }

    [Fact]
    public async Task A_refusal_by_the_core_answers_every_key_of_the_batch()
    {
        var calls = 0;
        var loader = new BatchLoader<int, string>((_, _) =>
        {
            calls++;
            throw new ForbiddenException(RefusalText.Verbatim("Not for you."));

        });

        var one = loader.Load(1);
        var two = loader.Load(2);

        await Assert.ThrowsAsync<ForbiddenException>(() => one.GetResultAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => two.GetResultAsync());
        Assert.Equal(1, calls);
    }
}
