using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Companies.Import;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Infrastructure.Csv;
using CrmAlliance.Api.Infrastructure.GraphQL;

namespace CrmAlliance.Api.Features.Outcomes.Import;

/// <summary>
/// Reads the outcome cells a register extract or Excel produces: placement ids as exported (a GUID) or as
/// GraphQL gives them (a global ID), end results by their English names or the jobcenter's Danish words.
/// Dates and yes/no cells are read as the company import reads them.
/// </summary>
public static class OutcomeImportValues
{
    private static readonly Dictionary<string, EndResult> EndResults = Enum.GetValues<EndResult>()
        .SelectMany(value => DanishNames(value).Append(value.ToString()).Select(name => (Key: CsvImportLayout.Normalise(name), Value: value)))
        .ToDictionary(x => x.Key, x => x.Value);

    /// <summary>
    /// A GUID in any of .NET's layouts, or a <c>Placement</c> global ID. The cell is never repeated in the
    /// reason: a file whose columns slipped could hold a CPR number here.
    /// </summary>
    public static bool TryPlacementId(string cell, out Guid id, out RefusalText reason)
    {
        reason = RefusalText.Of("Outcomes.Import.NotAPlacementId");
        if (Guid.TryParse(cell, out id))
        {
            return true;
        }

        return GlobalId.TryDecode(cell, out var type, out var key) && type == "Placement" && Guid.TryParse(key, out id);
    }

    public static bool TryMonths(string cell, out int months, out RefusalText reason)
    {
        var read = CompanyImportValues.TryWholeNumber(cell, out months, out _);
        reason = RefusalText.Of("Outcomes.Import.NotMonths", ("value", Echo(cell)));
        return read;
    }

    public static bool TryEndResult(string cell, out EndResult value, out RefusalText reason)
    {
        reason = RefusalText.Of("Outcomes.Import.NotAnEndResult", ("value", Echo(cell)));
        return EndResults.TryGetValue(CsvImportLayout.Normalise(cell), out value);
    }

    public static bool TrySelfSupporting(string cell, out bool value, out RefusalText reason)
    {
        reason = RefusalText.Of("Outcomes.Import.NotYesNo", ("value", Echo(cell)));
        return CompanyImportValues.TryYesNo(cell, out value, out _);
    }

    public static bool TryDate(string cell, out DateOnly date, out RefusalText reason)
    {
        var read = CompanyImportValues.TryDate(cell, out date, out _);
        reason = RefusalText.Of("Outcomes.Import.NotADate", ("value", Echo(cell)));

        return read;
    }

    /// <summary>The cell quoted in a reason, unless it could be a CPR number (then it is not repeated).</summary>
    private static object Echo(string cell) => CprNumbers.AppearIn(cell) ? RefusalText.Of("Import.TheCell") : $"'{cell}'";

    private static string[] DanishNames(EndResult value) => value switch
    {
        EndResult.OrdinaryJob => ["ordinært job", "ordinær beskæftigelse"],
        EndResult.FlexJob => ["fleksjob"],
        EndResult.Education => ["uddannelse"],
        EndResult.BackOnBenefits => ["ydelse", "tilbage på ydelse", "offentlig forsørgelse"],
        EndResult.DroppedOut => ["frafald", "afbrudt", "droppet ud"],
        _ => [],
    };
}
