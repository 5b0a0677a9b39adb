using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.ReferenceData;

public static class OccupationValidation
{
    /// <summary>A DISCO-08 code: 4 to 6 digits whose first four are a unit group of DISCO-08 or of ISCO-08 (its basis).</summary>
    public static Validator CheckOccupation(this Validator v, ReferenceCatalog catalog, string? discoCode, string field)
        => v.Check(
            catalog.FindOccupation(discoCode) is not null,
            field,
            RefusalText.Of("ReferenceData.NotAnOccupation", ("value", discoCode)));
}
