namespace CrmAlliance.Matching;

/// <summary>The worker's own settings in section <c>Matching</c> (the engine's weights live there too).</summary>
public sealed class MatchingServiceOptions
{
    public const string Section = "Matching";

    /// <summary>The Api's snapshot address, e.g. <c>http://api:8080/matching/candidate-snapshot</c>.</summary>
    public Uri? SnapshotUrl { get; set; }

    /// <summary>The key the Api's <c>Matching:SnapshotKey</c> also holds.</summary>
    public string? SnapshotKey { get; set; }

    /// <summary>Names this instance's own candidate queue; the machine name by default (a container's host name).</summary>
    public string InstanceName { get; set; } = Environment.MachineName.ToLowerInvariant();

    /// <summary>
    /// How long this instance remembers the vacancies it matched, so that a candidate registered before a vacancy
    /// was posted but reaching the index after it was matched (the two travel on different queues) still gets
    /// considered for it. Default 10 minutes: far longer than any delivery delay between the queues.
    /// </summary>
    public TimeSpan LateCandidateWindow { get; set; } = TimeSpan.FromMinutes(10);
}
