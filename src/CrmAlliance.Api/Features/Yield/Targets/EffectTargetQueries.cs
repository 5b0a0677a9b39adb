using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Targets;

/// <summary>An effect target as clients see it: a null kind or group means every kind or group.</summary>
public sealed record EffectTargetView(
    Guid Id,
    int Year,
    OfferKind? OfferKind,
    TargetGroup? TargetGroup,
    TargetMeasure Measure,
    decimal TargetPercent,
    string SetBy,
    DateTimeOffset SetAt,
    int Version);

/// <summary>Reads of effect targets (jobcenter staff).</summary>
public sealed class EffectTargetQueries(CrmDbContext db)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>The targets of a year, by measure, then offer kind and target group ("All" first).</summary>
    public async Task<IReadOnlyList<EffectTargetView>> ForYearAsync(int year, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Admin, Role.Consultant, Role.Manager);
        CheckYear(year, "year");
        return await ForYearUncheckedAsync(year, cancellationToken);
    }

    /// <summary>The targets of a year without an actor: for callers that have authorized already (reports).</summary>
    public async Task<IReadOnlyList<EffectTargetView>> ForYearUncheckedAsync(int year, CancellationToken cancellationToken)
    {
        var rows = await db.EffectTargets.AsNoTracking().Where(t => t.Year == year).ToListAsync(cancellationToken);
        return rows.Select(t => t.ToView()).OrderBy(t => t.Measure).ThenBy(t => t.OfferKind.HasValue).ThenBy(t => t.OfferKind).ThenBy(t => t.TargetGroup.HasValue).ThenBy(t => t.TargetGroup).ToList();
    }

    public static void CheckYear(int year, string field)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ValidationException(field, Validator.Between(MinYear, MaxYear));

        }
    }
}

public static class EffectTargetMapping
{
    public static EffectTargetView ToView(this EffectTarget t) => new(
        t.Id, t.Year, Slice.Parse<OfferKind>(t.OfferKind), Slice.Parse<TargetGroup>(t.TargetGroup), t.Measure, t.TargetPercent, t.SetBy, t.SetAt, t.Version);
}

/// <summary>Slice values as the read model writes them: an enum name, or "All" for null.</summary>
public static class Slice
{
    public static string Of<T>(T? value)
        where T : struct, Enum
        => value?.ToString() ?? YieldCell.All;

    public static T? Parse<T>(string slice)
        where T : struct, Enum
        => slice == YieldCell.All ? null : Enum.Parse<T>(slice);
}
