using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Features.Yield.Projection.Rebuild;
using CrmAlliance.Api.Features.Yield.ReadModel;

namespace CrmAlliance.UnitTests.Yield.Projection;

/// <summary>The order the aside rebuild writes a chunk in: it decides how much SQLite writes (issue 13).</summary>
public sealed class PreparedChunkTests
{
    private static readonly Guid[] Companies =
    [
        Guid.Parse("0193a5b0-0000-7000-8000-00000000000a"),
        Guid.Parse("0193a5b0-0000-7000-8000-00000000000b"),
        Guid.Parse("0193a5b0-0000-7000-8000-00000000000c"),
    ];

    [Fact]
    public void Month_cells_come_in_the_period_index_order_grain_period_slice_then_company_in_the_chunks_order()
    {
        var deltas = new YieldDeltas();
        foreach (var company in Companies.Reverse())
        {
            foreach (var month in new[] { 202603, 202601, 202602 })
            {
                deltas.For(company, month, "WageSubsidy", "Integration").PlacementsStarted = 1;
                deltas.For(company, month, "Internship", "NewGraduate").PlacementsStarted = 1;
            }
        }

        var chunk = PreparedChunk.From(Companies, Facts(deltas), [], []);

        var expected = chunk.MonthCells
            .OrderBy(c => c.PeriodStart)
            .ThenBy(c => c.OfferKind, StringComparer.Ordinal)
            .ThenBy(c => c.TargetGroup, StringComparer.Ordinal)
            .ThenBy(c => Array.IndexOf(Companies, c.CompanyId))
            .Select(Key)
            .ToList();
        Assert.Equal(expected, chunk.MonthCells.Select(Key).ToList());
        Assert.Equal(Companies, chunk.MonthCells.Take(3).Select(c => c.CompanyId));
        Assert.All(chunk.MonthCells, c => Assert.Equal(YieldGrain.Month, c.Grain));
    }

    [Fact]
    public void Facts_come_in_the_order_of_their_keys_text_which_is_the_order_sqlite_keeps_them_in()
    {
        var placements = Enumerable.Range(0, 50).Select(_ => new YieldPlacementFact { PlacementId = Guid.NewGuid(), CompanyId = Companies[0], OfferKind = "Internship", TargetGroup = "Integration" }).ToList();
        var vacancies = Enumerable.Range(0, 50).Select(_ => new YieldVacancyFact { VacancyId = Guid.NewGuid(), CompanyId = Companies[1], OfferKind = "Internship" }).ToList();
        var contacts = Enumerable.Range(0, 50).Select(_ => new YieldContactFact { ContactLogId = Guid.NewGuid(), CompanyId = Companies[2] }).ToList();

        var chunk = PreparedChunk.From(Companies, new YieldChunkFacts(placements, vacancies, contacts, [], new YieldDeltas()), [], []);

        Assert.Equal(placements.Select(p => Text(p.PlacementId)).Order(StringComparer.Ordinal), chunk.Facts.Placements.Select(p => Text(p.PlacementId)));
        Assert.Equal(vacancies.Select(v => Text(v.VacancyId)).Order(StringComparer.Ordinal), chunk.Facts.Vacancies.Select(v => Text(v.VacancyId)));
        Assert.Equal(contacts.Select(c => Text(c.ContactLogId)).Order(StringComparer.Ordinal), chunk.Facts.Contacts.Select(c => Text(c.ContactLogId)));
    }

    private static YieldChunkFacts Facts(YieldDeltas deltas) => new([], [], [], [], deltas);

    private static (YieldGrain, int, string, string, Guid) Key(YieldCell c) => (c.Grain, c.PeriodStart, c.OfferKind, c.TargetGroup, c.CompanyId);

    // How EF Core stores a Guid in SQLite: upper-case text.
    private static string Text(Guid id) => id.ToString().ToUpperInvariant();
}
