using CrmAlliance.Api.Features;

namespace CrmAlliance.DataGeneration;

/// <summary>Where generated rows go: the bulk writer in a database transaction, or a list in tests.</summary>
public interface ISeedSink
{
    /// <summary>Takes one entity (company, workplace, placement, outcome, user …); parents always come before their children.</summary>
    ValueTask AddAsync(object row, CancellationToken cancellationToken);
}

/// <summary>
/// Progress of a seed run, phase by phase. Called on the generating thread; an implementation may cancel the
/// run's token (tests do, to prove that nothing half-written remains).
/// </summary>
public interface ISeedProgress
{
    void PhaseStarted(string phase, long total);

    void Advanced(long count);

    void PhaseCompleted();

    /// <summary>A batch of the table's rows reached the database; <paramref name="rowsWritten"/> counts all so far.</summary>
    void RowsWritten(string table, long rowsWritten);
}

/// <summary>How long each kind of thing lasts at most, for keeping a candidate in the pool long enough.</summary>
public static class PlacementSpans
{
    /// <summary>Internships (13 weeks and a 2-week extension), wage subsidy, mentor and ordinary-job follow-up (6 months).</summary>
    public const int Short = 200;

    public static int For(OfferKind kind) => kind switch
    {
        OfferKind.AdultApprenticeship => (3 * 366) + 10,
        OfferKind.FlexJob => (2 * 366) + 10,
        _ => Short,
    };
}
