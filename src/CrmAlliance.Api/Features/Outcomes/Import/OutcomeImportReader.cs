using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Candidates.Import;
using CrmAlliance.Api.Infrastructure.Csv;
using Col = CrmAlliance.Api.Features.Outcomes.Import.OutcomeImportColumns;

namespace CrmAlliance.Api.Features.Outcomes.Import;

/// <summary>
/// Reads the outcome follow-up file (format: OutcomeImportFormat.md) and checks each line on its own: the
/// case reference as registration checks it (the CPR refusal included), the observation's values as
/// <c>recordOutcome</c> checks them, and that no (placement, monthsAfterEnd) appears twice. What needs the
/// database (the pairing, the placement's end, the due date) is checked by <see cref="OutcomeImportPlan"/>.
/// Problems with the file as a whole are a <see cref="ValidationException"/> on <c>csv</c>.
/// </summary>
public static class OutcomeImportReader
{
    /// <summary>
    /// A register extract can cover a year of follow-ups for the whole municipality; lines are short
    /// (~70 bytes), so 200,000 lines fit in 20 MB, below the web host's 30 MB request limit.
    /// </summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <inheritdoc cref="MaxBytes"/>
    public const int MaxLines = 200_000;

    private const string Field = "csv";

    public static OutcomeImportFile Read(string csv, DateOnly today)
    {
        var text = CsvImportFile.Read(csv, MaxBytes, MaxLines);
        var columns = Col.Layout.ReadHeader(text.Header.Fields);
        if (!columns.Any(c => c?.Name is Col.EndResult or Col.SelfSupporting))
        {
            throw new ValidationException(Field, RefusalText.Of("Outcomes.Import.NoObservationColumn", ("endResult", Col.EndResult), ("selfSupporting", Col.SelfSupporting)));
        }

        var lines = new List<ImportedOutcome>(text.Lines.Count);
        var rejections = new List<OutcomeImportRejection>();
        var firstLineOf = new Dictionary<(Guid, int), int>();
        foreach (var record in text.Lines)
        {
            var (line, errors, reference, placementId, months) = ReadLine(record, columns, today);
            if (placementId is { } id && months is { } m)
            {
                if (firstLineOf.TryGetValue((id, m), out var first))
                {
                    errors.Add(new ImportLineError(Col.PlacementId, RefusalText.Of("Outcomes.Import.Duplicate", ("moment", OutcomeSchedule.Moment(m)), ("line", first))));
                }
                else
                {
                    firstLineOf[(id, m)] = record.Line;
                }
            }

            if (errors.Count > 0)
            {
                rejections.Add(new OutcomeImportRejection(record.Line, reference, placementId, months, errors.OrderBy(e => Col.Layout.Position(e.Field)).ToList()));
            }
            else
            {
                lines.Add(line!);
            }
        }

        return new OutcomeImportFile(text.Separator, text.Lines.Count, lines, rejections);
    }

    private static (ImportedOutcome? Line, List<ImportLineError> Errors, string? Reference, Guid? PlacementId, int? Months) ReadLine(CsvRecord record, CsvImportColumn?[] columns, DateOnly today)
    {
        var (cells, extra) = CsvImportLayout.ReadCells(record, columns);
        string Cell(string name) => cells.GetValueOrDefault(name, "");

        var v = new Validator();

        // The extra cells are not repeated: they might hold a CPR number.
        v.Check(extra == 0, Col.Line, RefusalText.Of("Csv.ExtraCells", ("count", extra)));

        var reference = Cell(Col.CaseReference);
        v.CheckCaseReference(reference, Col.CaseReference);
        var placementId = Parse<Guid>(v, Col.PlacementId, Cell(Col.PlacementId), OutcomeImportValues.TryPlacementId, required: true);
        var months = Parse<int>(v, Col.MonthsAfterEnd, Cell(Col.MonthsAfterEnd), OutcomeImportValues.TryMonths, required: true);
        var endResult = Parse<EndResult>(v, Col.EndResult, Cell(Col.EndResult), OutcomeImportValues.TryEndResult, required: false);
        var selfSupporting = Parse<bool>(v, Col.SelfSupporting, Cell(Col.SelfSupporting), OutcomeImportValues.TrySelfSupporting, required: false);
        var observedOn = Parse<DateOnly>(v, Col.ObservedOn, Cell(Col.ObservedOn), OutcomeImportValues.TryDate, required: false);
        if (months is { } m && !v.Errors.Any(e => e.Field is Col.EndResult or Col.SelfSupporting))
        {
            // The same check recordOutcome makes: which value the observation point takes.
            v.CheckObservation(m, endResult, selfSupporting);
        }

        v.Check(observedOn is null || observedOn <= today, Col.ObservedOn, RefusalText.Of("Outcomes.Import.ObservedInFuture", ("date", observedOn)));

        var referenceRefused = v.Errors.Any(e => e.Field == Col.CaseReference);
        var errors = v.Errors.Select(e => new ImportLineError(e.Field, e.Text)
).ToList();
        var line = errors.Count == 0
            ? new ImportedOutcome(record.Line, reference, placementId!.Value, months!.Value, endResult, selfSupporting, observedOn)
            : null;
        return (line, errors, referenceRefused ? null : reference, placementId, months);
    }

    private delegate bool CellParser<T>(string cell, out T value, out RefusalText reason);

    /// <summary>A blank cell is null (an error when required); an unreadable one an error.</summary>
    private static T? Parse<T>(Validator v, string column, string cell, CellParser<T> parse, bool required)
        where T : struct
    {
        if (cell.Length == 0)
        {
            v.Check(!required, column, RefusalText.Of("Core.Required"));

            return null;
        }

        if (!parse(cell, out var value, out var reason))
        {
            v.Add(column, reason);
            return null;
        }

        return value;
    }
}
