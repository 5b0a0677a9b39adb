using CrmAlliance.Api.Infrastructure.Csv;

namespace CrmAlliance.Api.Features.Outcomes.Import;

/// <summary>The columns of the outcome follow-up file, as documented in OutcomeImportFormat.md.</summary>
public static class OutcomeImportColumns
{
    public const string CaseReference = "caseReference";
    public const string PlacementId = "placementId";
    public const string MonthsAfterEnd = OutcomeRules.MonthsAfterEndField;
    public const string EndResult = OutcomeRules.EndResultField;
    public const string SelfSupporting = OutcomeRules.SelfSupportingField;
    public const string ObservedOn = "observedOn";

    /// <summary>The report's name for a problem with the line as a whole (more cells than the header has columns).</summary>
    public const string Line = "line";

    public static readonly CsvImportLayout Layout = new(
    [
        new(CaseReference, "Sagsnummer", true),
        new(PlacementId, "Forløbs-id", true),
        new(MonthsAfterEnd, "Måneder efter slut", true),
        new(EndResult, "Udslusning", false),
        new(SelfSupporting, "Selvforsørgende", false),
        new(ObservedOn, "Opgjort den", false),
    ]);
}
