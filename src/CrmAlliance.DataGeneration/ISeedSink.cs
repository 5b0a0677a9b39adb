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
