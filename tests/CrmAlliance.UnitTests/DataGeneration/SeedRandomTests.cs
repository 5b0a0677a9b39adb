using CrmAlliance.DataGeneration;

namespace CrmAlliance.UnitTests.DataGeneration;

public sealed class SeedRandomTests
{
    [Fact]
    public void The_same_seed_and_stream_repeat_the_same_draws_and_another_stream_does_not()
    {
        var (a, b, c) = (new SeedRandom(42, 1), new SeedRandom(42, 1), new SeedRandom(42, 2));
        var at = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

        var first = Enumerable.Range(0, 50).Select(_ => (a.NextDouble(), a.NewId(at))).ToList();
        Assert.Equal(first, Enumerable.Range(0, 50).Select(_ => (b.NextDouble(), b.NewId(at))).ToList());
        Assert.NotEqual(first, Enumerable.Range(0, 50).Select(_ => (c.NextDouble(), c.NewId(at))).ToList());
    }

    [Fact]
    public void Ids_are_version_7_with_the_rows_own_time_so_they_sort_by_it()
    {
        var random = new SeedRandom(1, 1);
        var times = Enumerable.Range(0, 200).Select(i => new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i * 37)).ToList();

        var ids = times.Select(random.NewId).ToList();

        Assert.All(ids, id => Assert.Equal(7, id.Version));
        Assert.All(ids, id => Assert.Equal(0x8, id.Variant & 0xC));
        Assert.Equal(ids.Select(id => id.ToString()), ids.Select(id => id.ToString()).Order(StringComparer.Ordinal));
        var milliseconds = Convert.ToInt64(ids[10].ToString("N")[..12], 16);
        Assert.Equal(times[10].ToUnixTimeMilliseconds(), milliseconds);
    }

    [Fact]
    public void A_weight_of_zero_is_never_drawn()
    {
        var random = new SeedRandom(3, 1);
        double[] cumulative = [0, 0, 2, 2, 2, 5, 5];

        var drawn = Enumerable.Range(0, 5_000).Select(_ => random.FromCumulative(cumulative)).ToHashSet();

        Assert.Equal([2, 5], drawn.Order());
    }

    [Fact]
    public void Poisson_draws_average_their_mean()
    {
        var random = new SeedRandom(5, 1);

        Assert.InRange(Enumerable.Range(0, 20_000).Average(_ => random.Poisson(2.5)), 2.4, 2.6);
        Assert.InRange(Enumerable.Range(0, 20_000).Average(_ => random.Poisson(80)), 79, 81);
    }
}
