using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Targets;

/// <summary>
/// A new target (no id), or a change of the target with this id from the version you read. A null offer kind or
/// target group means every kind or group.
/// </summary>
public sealed record SetEffectTargetInput(
    Guid? Id,
    int? Version,
    int Year,
    OfferKind? OfferKind,
    TargetGroup? TargetGroup,
    TargetMeasure Measure,
    decimal TargetPercent);

/// <summary>Management (Managers and Admins) sets an effect target for a year, or changes one.</summary>
public sealed class SetEffectTargetHandler(CrmDbContext db, YieldOptions options, TimeProvider clock)
{
    public async Task<EffectTargetView> HandleAsync(SetEffectTargetInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Manager, Role.Admin);
        Check(input, options);

        var (kind, group) = (Slice.Of(input.OfferKind), Slice.Of(input.TargetGroup));
        EffectTarget? target = null;
        if (input.Id is { } id)
        {
            target = await db.EffectTargets.SingleOrDefaultAsync(t => t.Id == id, cancellationToken)
                ?? throw new NotFoundException("EffectTarget", id, "input.id");
            SaveChangesExtensions.CheckVersion(target.Version, input.Version!.Value);
        }

        var existing = await db.EffectTargets.AsNoTracking()
            .Where(t => t.Id != input.Id && t.Year == input.Year && t.OfferKind == kind && t.TargetGroup == group && t.Measure == input.Measure)
            .Select(t => new { t.Version })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            throw new ConflictException(
                RefusalText.Of(
                    "Yield.TargetExists",
                    ("year", input.Year),
                    ("measure", input.Measure),
                    ("kind", input.OfferKind is { } offerKind ? offerKind : RefusalText.Of("Yield.EveryOfferKind")),
                    ("group", input.TargetGroup is { } targetGroup ? targetGroup : RefusalText.Of("Yield.EveryTargetGroup")),
                    ("version", existing.Version)),
                "input.measure");
        }

        if (target is null)
        {
            target = new EffectTarget { OfferKind = kind, TargetGroup = group, SetBy = actor.UserId };
            db.EffectTargets.Add(target);
        }
        else
        {
            target.Version++;
        }

        target.Year = input.Year;
        target.OfferKind = kind;
        target.TargetGroup = group;
        target.Measure = input.Measure;
        target.TargetPercent = input.TargetPercent;
        target.SetBy = actor.UserId;
        target.SetAt = clock.GetUtcNow();
        await db.SaveOrConflictAsync(RefusalText.Of("Yield.TargetSetMeanwhile"), cancellationToken);
        return target.ToView();
    }

    /// <summary>Field checks, all reported at once; pure.</summary>
    public static void Check(SetEffectTargetInput input, YieldOptions options)
    {
        var v = new Validator();
        v.Check(input.Year is >= EffectTargetQueries.MinYear and <= EffectTargetQueries.MaxYear, "input.year", Validator.Between(EffectTargetQueries.MinYear, EffectTargetQueries.MaxYear));
        v.Range(input.TargetPercent, "input.targetPercent", 0, 100);
        v.Check(decimal.Round(input.TargetPercent, 2) == input.TargetPercent, "input.targetPercent", RefusalText.Of("Yield.TwoDecimals"));
        v.Check(input.Id is null || input.Version is not null, "input.version", RefusalText.Of("Yield.VersionRequired"));
        v.Check(input.Id is not null || input.Version is null, "input.version", RefusalText.Of("Yield.VersionOnlyForChange"));

        // Targets the read model can never measure would show "no data" forever: refuse them up front.
        v.Check(
            input.Measure != TargetMeasure.Reach || input.TargetGroup is null,
            "input.targetGroup",
            RefusalText.Of("Yield.NoTargetGroupForReach"));
        v.Check(
            input.Measure != TargetMeasure.Conversion || input.OfferKind is null || options.ConversionKinds.Contains(input.OfferKind.Value),
            "input.offerKind",
            RefusalText.Of("Yield.ConversionKinds", ("kinds", RefusalList.AllOf(options.ConversionKinds))));

        v.ThrowIfInvalid();
    }
}
