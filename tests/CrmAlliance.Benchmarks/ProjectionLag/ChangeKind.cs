namespace CrmAlliance.Benchmarks.ProjectionLag;

/// <summary>The source changes the driver makes, each through its GraphQL mutation.</summary>
public enum ChangeKind
{
    LogContact,
    RecordPledge,
    UpdatePledge,
    PostVacancy,
    ProposePlacement,
    ApprovePlacement,
    StartPlacement,
    EndPlacement,
    RecordOutcome,
    EditCompanyAddress,
}

/// <summary>What the yield read model must show once a change is projected.</summary>
public enum ReadModelCheck
{
    /// <summary>Nothing the read model keeps changed (a proposal, an approval, an address); only its events must be consumed.</summary>
    None,
    ContactFact,
    PledgeFactWithMentors,
    VacancyFact,
    PlacementFact,
    PlacementFactEnded,
    PlacementFactWithEndResult,
}

/// <summary>
/// What to watch for after a change was acknowledged: the outbox rows of <paramref name="Aggregate"/> committed
/// up to then consumed, and the read model showing <paramref name="Check"/> for the row <paramref name="RowId"/>.
/// </summary>
public sealed record Expectation(Guid Aggregate, ReadModelCheck Check, Guid RowId, int Value = 0);

/// <summary>The share of each kind in every 100 changes: a consultant's day, placements moving through every step.</summary>
public static class ChangeMix
{
    private static readonly (ChangeKind Kind, int Share)[] Shares =
    [
        (ChangeKind.LogContact, 30),
        (ChangeKind.RecordPledge, 2),
        (ChangeKind.UpdatePledge, 12),
        (ChangeKind.PostVacancy, 14),
        (ChangeKind.ProposePlacement, 6),
        (ChangeKind.ApprovePlacement, 6),
        (ChangeKind.StartPlacement, 6),
        (ChangeKind.EndPlacement, 6),
        (ChangeKind.RecordOutcome, 6),
        (ChangeKind.EditCompanyAddress, 12),
    ];

    /// <summary>A fixed shuffle of 100 slots repeated: the same sequence every run.</summary>
    public static IReadOnlyList<ChangeKind> Sequence(int count)
    {
        var slots = Shares.SelectMany(s => Enumerable.Repeat(s.Kind, s.Share)).ToArray();
        new Random(42).Shuffle(slots);
        return [.. Enumerable.Range(0, count).Select(i => slots[i % slots.Length])];
    }

    public static int ShareOf(ChangeKind kind) => Shares.Single(s => s.Kind == kind).Share;
}
