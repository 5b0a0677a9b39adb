using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Companies.Import;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Infrastructure.Csv;
using Col = CrmAlliance.Api.Features.Candidates.Import.CandidateImportColumns;

namespace CrmAlliance.Api.Features.Candidates.Import;

/// <summary>
/// Reads the candidate import file (format: CandidateImportFormat.md) and checks each line as
/// registerCandidate checks a candidate, the CPR refusal included, and that no case reference appears
/// twice. Problems with the file as a whole (size, encoding, header) are a <see cref="ValidationException"/>
/// on <c>csv</c>; problems with a line become <see cref="CandidateImportRejection"/>s so every line is reported.
/// </summary>
public sealed class CandidateImportReader(ReferenceCatalog catalog)
{
    /// <summary>
    /// The whole file travels in one request and is written in one transaction, which holds the database's
    /// write lock while it runs: 20,000 lines (a few MB) keeps both short, and is above the jobcenter's pool.
    /// </summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <inheritdoc cref="MaxBytes"/>
    public const int MaxLines = 20_000;

    /// <param name="progress">Told of the <see cref="ImportPhase.Reading"/> phase, line by line in steps.</param>
    public CandidateImportFile Read(string csv, IProgress<ImportProgress>? progress = null)
    {
        var text = CsvImportFile.Read(csv, MaxBytes, MaxLines);
        var columns = Col.Layout.ReadHeader(text.Header.Fields);
        var present = columns.OfType<CsvImportColumn>().Select(c => c.Name).ToHashSet();
        var hasSkills = present.Contains(Col.Skills);
        var reading = ImportPhaseProgress.Start(progress, ImportPhase.Reading, text.Lines.Count);
        var lines = new List<CandidateImportLine>();
        var rejections = new List<CandidateImportRejection>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in text.Lines)
        {
            var (line, errors, reference) = ReadLine(record, columns, hasSkills);
            if (reference is not null)
            {
                // Case references are compared ignoring case: on SQL Server they are one reference anyway.
                if (firstLineOf.TryGetValue(reference, out var first))
                {
                    errors.Add(new ImportLineError(Col.CaseReference, RefusalText.Of("Candidates.Import.Duplicate", ("reference", reference), ("line", first))));
                }
                else
                {
                    firstLineOf[reference] = record.Line;
                }
            }

            if (errors.Count > 0)
            {
                rejections.Add(new CandidateImportRejection(record.Line, reference, errors.OrderBy(e => Col.Position(e.Field)).ToList()));
            }
            else
            {
                lines.Add(line);
            }

            reading.Advance(lines.Count + rejections.Count);
        }

        reading.Complete();
        return new CandidateImportFile(text.Separator, text.Lines.Count, hasSkills, present.Contains(Col.LastEmployerCvr), lines, rejections);
    }

    /// <returns>The line if it was accepted; its errors; its case reference unless that was refused.</returns>
    private (CandidateImportLine Line, List<ImportLineError> Errors, string? Reference) ReadLine(CsvRecord record, CsvImportColumn?[] columns, bool hasSkills)
    {
        var (cells, extra) = CsvImportLayout.ReadCells(record, columns);
        string Cell(string name) => cells.GetValueOrDefault(name, "");

        var v = new Validator();
        // The extra cells are not repeated: unlike the company import's, they might hold a CPR number.
        v.Check(extra == 0, Col.Line, RefusalText.Of("Csv.ExtraCells", ("count", extra)));
        var targetGroup = Parse<TargetGroup>(v, Col.TargetGroup, Cell(Col.TargetGroup), CandidateImportValues.TryTargetGroup);
        var educationLevel = Parse<EducationLevel>(v, Col.EducationLevel, Cell(Col.EducationLevel), CandidateImportValues.TryEducationLevel);
        var hasWorkExperience = Parse<bool>(v, Col.HasWorkExperience, Cell(Col.HasWorkExperience), TryYesNo);
        var availableFrom = Parse<DateOnly>(v, Col.AvailableFrom, Cell(Col.AvailableFrom), CompanyImportValues.TryDate);
        var lastEmployer = CompanyImportValues.NormaliseIdentifier(Cell(Col.LastEmployerCvr));
        var candidate = new ImportedCandidate(
            Cell(Col.CaseReference),
            targetGroup,
            CandidateImportValues.List(Cell(Col.SoughtOccupations)),
            hasSkills ? CandidateImportValues.List(Cell(Col.Skills)) : null,
            educationLevel,
            hasWorkExperience,
            Cell(Col.Postcode),
            availableFrom,
            lastEmployer.Length > 0 ? lastEmployer : null);
        var checkedDetails = CandidateValidation.Check(v, candidate, catalog);

        var referenceRefused = v.Errors.Any(e => e.Field == Col.CaseReference);
        var errors = v.Errors.Select(e => new ImportLineError(e.Field, e.Text)
).ToList();
        return (new CandidateImportLine(record.Line, candidate, checkedDetails), errors, referenceRefused ? null : checkedDetails.CaseReference);
    }

    private delegate bool CellParser<T>(string cell, out T value, out RefusalText reason);

    /// <summary>The company import's yes/no, whose reason offers a blank cell; here the cell is required.</summary>
    private static bool TryYesNo(string cell, out bool value, out RefusalText reason)
    {
        reason = RefusalText.Of("Candidates.Import.NotYesNo", ("value", cell));
        return CompanyImportValues.TryYesNo(cell, out value, out _);
    }

    /// <summary>Every parsed column is required: a blank or unreadable cell is an error, and the value then only a placeholder.</summary>
    private static T Parse<T>(Validator v, string column, string cell, CellParser<T> parse)
        where T : struct
    {
        if (cell.Length == 0)
        {
            v.Add(column, RefusalText.Of("Core.Required"));

            return default;
        }

        if (!parse(cell, out var value, out var reason))
        {
            v.Add(column, reason);
        }

        return value;
    }
}
