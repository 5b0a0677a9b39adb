namespace CrmAlliance.Matching.Engine;

/// <summary>
/// Which target groups may take which offer kind (<see cref="MatchingOptions.EligibleTargetGroups"/>; by default
/// the core's FlexJobEligibilityRule). Names compare case-insensitively; an offer kind that is not restricted,
/// including one matching has never heard of, is open to every group.
/// </summary>
public sealed class TargetGroupEligibility
{
    private readonly Dictionary<string, HashSet<string>> _restrictions;

    public TargetGroupEligibility(MatchingOptions options)
    {
        _restrictions = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (offerKind, groups) in options.EligibleTargetGroups)
        {
            _restrictions[offerKind.Trim()] = new HashSet<string>(groups.Select(g => g.Trim()), StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>Whether a candidate in <paramref name="targetGroup"/> may be proposed for an offer of <paramref name="offerKind"/>.</summary>
    public bool IsEligible(string offerKind, string targetGroup)
        => !_restrictions.TryGetValue(offerKind.Trim(), out var allowed) || allowed.Contains(targetGroup.Trim());

    /// <summary>Whether every target group may take the offer kind, so no candidate needs checking.</summary>
    public bool IsOpenToAll(string offerKind) => !_restrictions.ContainsKey(offerKind.Trim());
}
