using CrmAlliance.Api.Core;

namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>Keeps every progress report of an import, in order, as the handler made it (no context switch, unlike Progress&lt;T&gt;).</summary>
public sealed class ImportProgressRecorder : IProgress<ImportProgress>
{
    public List<ImportProgress> Reports { get; } = [];

    public void Report(ImportProgress value) => Reports.Add(value);

    /// <summary>
    /// The reports went through exactly <paramref name="phases"/> in order; within a phase the total stayed and the count
    /// never fell; each phase began at 0 and ended at its total; and there were at most a few dozen of them, whatever the file's size.
    /// </summary>
    public void AssertMonotonic(params ImportPhase[] phases)
    {
        Assert.Equal(phases, Reports.Select(r => r.Phase).Distinct());
        foreach (var (before, after) in Reports.Zip(Reports.Skip(1)))
        {
            Assert.True(after.Phase >= before.Phase, $"{after} after {before}");
            if (after.Phase == before.Phase)
            {
                Assert.True(after.Total == before.Total && after.Done >= before.Done, $"{after} after {before}");
            }
        }

        foreach (var phase in phases)
        {
            var reports = Reports.Where(r => r.Phase == phase).ToList();
            Assert.Equal(0, reports[0].Done);
            Assert.Equal(reports[^1].Total, reports[^1].Done);
            Assert.All(reports, r => Assert.InRange(r.Done, 0, r.Total));
        }

        Assert.InRange(Reports.Count, phases.Length * 2, phases.Length * (ImportPhaseProgress.StepsPerPhase + 1));
    }

    /// <summary>The reports of one phase between its start and its end: the steps in between.</summary>
    public int StepsOf(ImportPhase phase) => Reports.Count(r => r.Phase == phase && r.Done > 0 && r.Done < r.Total);
}
