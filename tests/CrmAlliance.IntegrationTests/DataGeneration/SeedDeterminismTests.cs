using CrmAlliance.DataGeneration;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.DataGeneration;

public sealed class SeedDeterminismTests
{
    private static readonly SeedOptions Options = new(60, 1_500, 11, new DateOnly(2026, 3, 31), 3);

    [Fact]
    public async Task Two_databases_seeded_with_the_same_options_hold_the_same_rows_ids_included()
    {
        using var first = new CrmApiFactory();
        using var second = new CrmApiFactory();
        using var otherSeed = new CrmApiFactory();

        await first.SeedAsync(Options);
        await second.SeedAsync(Options);
        await otherSeed.SeedAsync(Options with { Seed = 12 });

        await using var a = first.NewDbContext();
        await using var b = second.NewDbContext();
        await using var c = otherSeed.NewDbContext();
        var hashes = await SeedScenario.ContentHashesAsync(a);
        Assert.Equal(hashes, await SeedScenario.ContentHashesAsync(b));
        Assert.All(hashes, h => Assert.DoesNotContain("\t0 rows", "\t" + h.Value, StringComparison.Ordinal));

        var other = await SeedScenario.ContentHashesAsync(c);
        Assert.All(SeedScenario.Tables, table => Assert.NotEqual(hashes[table], other[table]));
    }
}
