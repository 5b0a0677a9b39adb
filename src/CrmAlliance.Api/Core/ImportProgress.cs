namespace CrmAlliance.Api.Core;

/// <summary>The phases of a CSV import, in the order they run.</summary>
public enum ImportPhase
{
    /// <summary>Each line read and checked as registration checks it.</summary>
    Reading,

    /// <summary>The lines checked against what the database already holds.</summary>
    Checking,

    /// <summary>The accepted lines written, in one transaction (only when the import commits).</summary>
    Saving,
}

/// <summary>
/// How far an import has come: <see cref="Done"/> of <see cref="Total"/> lines in <see cref="Phase"/>. The phases come
/// in order, <see cref="Done"/> never falls within a phase, and each phase's last report has <see cref="Done"/> = <see cref="Total"/>.
/// </summary>
public readonly record struct ImportProgress(ImportPhase Phase, int Done, int Total);

/// <summary>
/// Reports one phase of an import to an optional sink: its start, then about every twentieth of the way, then its end,
/// so a file of 20,000 lines makes a few dozen reports, not one per line. <see cref="Advance"/> costs a comparison.
/// </summary>
public sealed class ImportPhaseProgress
{
    public const int StepsPerPhase = 20;

    private readonly IProgress<ImportProgress>? sink;
    private readonly ImportPhase phase;
    private readonly int total;
    private readonly int step;
    private int next;

    private ImportPhaseProgress(IProgress<ImportProgress>? sink, ImportPhase phase, int total)
    {
        this.sink = sink;
        this.phase = phase;
        this.total = Math.Max(total, 0);
        step = Math.Max(1, (this.total + StepsPerPhase - 1) / StepsPerPhase);
        next = step;
    }

    /// <summary>Reports the phase's start (0 of <paramref name="total"/>); a null sink reports nothing.</summary>
    public static ImportPhaseProgress Start(IProgress<ImportProgress>? sink, ImportPhase phase, int total)
    {
        var progress = new ImportPhaseProgress(sink, phase, total);
        sink?.Report(new(phase, 0, progress.total));
        return progress;
    }

    /// <summary><paramref name="done"/> lines of the phase are done; reported when it reaches the next step (the end is <see cref="Complete"/>'s).</summary>
    public void Advance(int done)
    {
        if (done < next || done >= total || sink is null)
        {
            return;
        }

        sink.Report(new(phase, done, total));
        next = done + step;
    }

    public void Complete() => sink?.Report(new(phase, total, total));
}
