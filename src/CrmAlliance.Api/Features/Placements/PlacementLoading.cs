using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Placements;

/// <summary>Loading shared by the placement mutations.</summary>
public static class PlacementLoading
{
    /// <summary>The placement with its exemptions, refused with CONFLICT when the client read an older version.</summary>
    public static async Task<Placement> LoadPlacementForUpdateAsync(this CrmDbContext db, Guid id, int version, string field, CancellationToken cancellationToken)
    {
        var placement = await db.Placements.Include(p => p.Exemptions).SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("Placement", id, field);
        SaveChangesExtensions.CheckVersion(placement.Version, version);
        return placement;
    }

    public static bool IsExemptFrom(this Placement placement, PlacementRule rule) => placement.Exemptions.Exists(e => e.Rule == rule);

    /// <summary>
    /// Today where the users are (the host's time zone, Danish time in production): the day against which
    /// "not in the future" and follow-up dates are judged.
    /// </summary>
    public static DateOnly Today(this TimeProvider clock) => DanishCalendar.Today(clock);
}
