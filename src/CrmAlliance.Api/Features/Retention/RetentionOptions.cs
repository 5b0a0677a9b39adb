namespace CrmAlliance.Api.Features.Retention;

/// <summary>Section <c>Retention</c>: how long candidates' personal attributes are kept, and when the daily job erases them.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Whole years after the candidate was withdrawn or their last placement ended (the later), after which their
    /// personal attributes are erased. 5 is the product's proposal, to be confirmed with the data-protection officer.
    /// </summary>
    public int CandidateYears { get; set; } = 5;

    /// <summary>Whether this process runs the daily job (the tests turn it off; <c>erase-expired</c> works either way).</summary>
    public bool JobEnabled { get; set; } = true;

    /// <summary>The Danish local time of day the job runs at.</summary>
    public TimeOnly JobTime { get; set; } = new(2, 30);
}
