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
                $"{input.Year} already has a {input.Measure} target for offer kind {kind} and target group {group} (version {existing.Version}); change that one instead.",
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
        await db.SaveOrConflictAsync("A target for this year, offer kind, target group and measure was set at the same moment; reload and try again.", cancellationToken);
        return target.ToView();
    }

    /// <summary>Field checks, all reported at once; pure.</summary>
    public static void Check(SetEffectTargetInput input, YieldOptions options)
    {
        var v = new Validator();
        v.Check(input.Year is >= EffectTargetQueries.MinYear and <= EffectTargetQueries.MaxYear, "input.year", $"must be between {EffectTargetQueries.MinYear} and {EffectTargetQueries.MaxYear}.");
        v.Range(input.TargetPercent, "input.targetPercent", 0, 100);
        v.Check(decimal.Round(input.TargetPercent, 2) == input.TargetPercent, "input.targetPercent", "may have at most two decimals.");
        v.Check(input.Id is null || input.Version is not null, "input.version", "is required when you change a target: send the version you read.");
        v.Check(input.Id is not null || input.Version is null, "input.version", "belongs to a change: leave it out when you set a new target, or send the target's id.");

        // Targets the read model can never measure would show "no data" forever: refuse them up front.
        v.Check(
            input.Measure != TargetMeasure.Reach || input.TargetGroup is null,
            "input.targetGroup",
            "must be left out for REACH: reach is the share of all placements that went to target groups far from the labour market, so per target group it is always 0 % or 100 %.");
        v.Check(
            input.Measure != TargetMeasure.Conversion || input.OfferKind is null || options.ConversionKinds.Contains(input.OfferKind.Value),
            "input.offerKind",
            $"CONVERSION counts only {string.Join(" and ", options.ConversionKinds)} placements; leave the offer kind out or pick one of those.");
        v.ThrowIfInvalid();
    }
}
