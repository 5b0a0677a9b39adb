namespace CrmAlliance.Contracts.Snapshots;

/// <summary>
/// Days a candidate is held by a placement (proposed, approved or active), <see cref="To"/> included: the core refuses
/// another placement of theirs overlapping it, so matching does not suggest them for a vacancy starting within or before it.
/// </summary>
public sealed record BusyPeriod(DateOnly From, DateOnly To);
