using CrmAlliance.Api.Features.Yield.Targets;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Yield.Targets;

public sealed class EffectTargetTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string Fields = "id year offerKind targetGroup measure targetPercent setBy { id } setAt version";

    internal const string SetTarget = "mutation($input: SetEffectTargetInput!) { setEffectTarget(input: $input) { " + Fields + " } }";

    internal const string RemoveTarget = "mutation($id: ID!) { removeEffectTarget(id: $id) }";

    internal const string TargetsOfYear = "query($year: Int!) { effectTargets(year: $year) { " + Fields + " } }";

    [Fact]
    public async Task A_manager_sets_a_target_and_staff_read_it_back_for_its_year()
    {
        var manager = await factory.CreateUserAsync("MANAGER");
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var set = await manager.Client.QueryAsync(SetTarget, new { input = new { year = 2041, offerKind = "WAGE_SUBSIDY", measure = "SELF_SUPPORTING_AFTER_6_MONTHS", targetPercent = 60 } });
        var read = await consultant.Client.QueryAsync(TargetsOfYear, new { year = 2041 });
        var otherYear = await consultant.Client.QueryAsync(TargetsOfYear, new { year = 2042 });

        var target = set["setEffectTarget"]!;
        Assert.Equal(2041, target["year"]!.GetValue<int>());
        Assert.Equal("WAGE_SUBSIDY", target["offerKind"]!.GetValue<string>());
        Assert.Null(target["targetGroup"]);
        Assert.Equal("SELF_SUPPORTING_AFTER_6_MONTHS", target["measure"]!.GetValue<string>());
        Assert.Equal(60m, target["targetPercent"]!.GetValue<decimal>());
        Assert.Equal(manager.Id, target["setBy"]!["id"]!.GetValue<string>());
        Assert.Equal(1, target["version"]!.GetValue<int>());
        Assert.Equal(target["id"]!.GetValue<string>(), Assert.Single(read["effectTargets"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Empty(otherYear["effectTargets"]!.AsArray());
        await using var db = factory.NewDbContext();
        var stored = await db.EffectTargets.SingleAsync(t => t.Year == 2041);
        Assert.Equal(("WageSubsidy", "All", TargetMeasure.SelfSupportingAfter6Months), (stored.OfferKind, stored.TargetGroup, stored.Measure));
    }

    [Fact]
    public async Task A_change_needs_the_version_read_and_a_stale_one_changes_nothing()
    {
        var manager = await factory.CreateUserAsync("MANAGER");
        var admin = await factory.SignInAsAdminAsync();
        var id = (await manager.Client.QueryAsync(SetTarget, new { input = new { year = 2043, targetGroup = "INTEGRATION", measure = "WORK_OR_EDUCATION", targetPercent = 40 } }))["setEffectTarget"]!["id"]!.GetValue<string>();

        var changed = await admin.QueryAsync(SetTarget, new { input = new { id, version = 1, year = 2043, targetGroup = "INTEGRATION", measure = "WORK_OR_EDUCATION", targetPercent = 45.5 } });
        var stale = await manager.Client.SendAsync(SetTarget, new { input = new { id, version = 1, year = 2043, targetGroup = "INTEGRATION", measure = "WORK_OR_EDUCATION", targetPercent = 99 } });
        var withoutVersion = await manager.Client.SendAsync(SetTarget, new { input = new { id, year = 2043, measure = "WORK_OR_EDUCATION", targetPercent = 99 } });

        Assert.Equal(2, changed["setEffectTarget"]!["version"]!.GetValue<int>());
        Assert.Equal(45.5m, changed["setEffectTarget"]!["targetPercent"]!.GetValue<decimal>());
        Assert.Equal(["input.version"], stale.ShouldFailWith("CONFLICT").Fields);
        Assert.Equal(["input.version"], withoutVersion.ShouldFailWith("VALIDATION").Fields);
        await using var db = factory.NewDbContext();
        var stored = await db.EffectTargets.SingleAsync(t => t.Id == GlobalId.Parse(id, "EffectTarget", "id"));
        Assert.Equal((45.5m, 2), (stored.TargetPercent, stored.Version));
    }

    [Fact]
    public async Task A_second_target_for_the_same_year_kind_group_and_measure_is_refused_but_another_slice_is_not()
    {
        var manager = await factory.CreateUserAsync("MANAGER");
        await manager.Client.QueryAsync(SetTarget, new { input = new { year = 2044, offerKind = "INTERNSHIP", measure = "CONVERSION", targetPercent = 30 } });

        var duplicate = await manager.Client.SendAsync(SetTarget, new { input = new { year = 2044, offerKind = "INTERNSHIP", measure = "CONVERSION", targetPercent = 35 } });
        await manager.Client.QueryAsync(SetTarget, new { input = new { year = 2044, measure = "CONVERSION", targetPercent = 35 } });
        await manager.Client.QueryAsync(SetTarget, new { input = new { year = 2045, offerKind = "INTERNSHIP", measure = "CONVERSION", targetPercent = 35 } });

        duplicate.ShouldFailWith("CONFLICT");
        Assert.Contains("change that one instead", duplicate.Message);
        await using var db = factory.NewDbContext();
        Assert.Equal([30m, 35m], await db.EffectTargets.Where(t => t.Year == 2044).OrderBy(t => t.TargetPercent).Select(t => t.TargetPercent).ToListAsync());
    }

    [Fact]
    public async Task Bad_fields_are_refused_together_with_their_paths_and_nothing_is_stored()
    {
        var manager = await factory.CreateUserAsync("MANAGER");

        var outOfRange = await manager.Client.SendAsync(SetTarget, new { input = new { year = 1999, measure = "REACH", targetPercent = 100.5 } });
        var tooPrecise = await manager.Client.SendAsync(SetTarget, new { input = new { year = 2046, measure = "REACH", targetPercent = 33.333 } });
        var reachPerGroup = await manager.Client.SendAsync(SetTarget, new { input = new { year = 2046, targetGroup = "INTEGRATION", measure = "REACH", targetPercent = 50 } });
        var ordinaryConversion = await manager.Client.SendAsync(SetTarget, new { input = new { year = 2046, offerKind = "ORDINARY_JOB", measure = "CONVERSION", targetPercent = 50 } });
        var versionWithoutId = await manager.Client.SendAsync(SetTarget, new { input = new { year = 2046, version = 3, measure = "REACH", targetPercent = 50 } });
        var badYearQuery = await manager.Client.SendAsync(TargetsOfYear, new { year = 2101 });
        var unknownId = await manager.Client.SendAsync(SetTarget, new { input = new { id = GlobalId.Encode("EffectTarget", Guid.NewGuid()), version = 1, year = 2046, measure = "REACH", targetPercent = 50 } });

        Assert.Equal(["input.year", "input.targetPercent"], outOfRange.ShouldFailWith("VALIDATION").Fields);
        Assert.Equal(["input.targetPercent"], tooPrecise.ShouldFailWith("VALIDATION").Fields);
        Assert.Equal(["input.targetGroup"], reachPerGroup.ShouldFailWith("VALIDATION").Fields);
        Assert.Equal(["input.offerKind"], ordinaryConversion.ShouldFailWith("VALIDATION").Fields);
        Assert.Equal(["input.version"], versionWithoutId.ShouldFailWith("VALIDATION").Fields);
        Assert.Equal(["year"], badYearQuery.ShouldFailWith("VALIDATION").Fields);
        Assert.Equal(["input.id"], unknownId.ShouldFailWith("NOT_FOUND").Fields);
        await using var db = factory.NewDbContext();
        Assert.False(await db.EffectTargets.AnyAsync(t => t.Year == 2046 || t.Year == 1999));
    }

    [Fact]
    public async Task A_removed_target_is_gone_and_removing_it_again_is_NOT_FOUND()
    {
        var admin = await factory.SignInAsAdminAsync();
        var id = (await admin.QueryAsync(SetTarget, new { input = new { year = 2047, measure = "SELF_SUPPORTING_AFTER_3_MONTHS", targetPercent = 50 } }))["setEffectTarget"]!["id"]!.GetValue<string>();

        var removed = await admin.QueryAsync(RemoveTarget, new { id });
        var again = await admin.SendAsync(RemoveTarget, new { id });

        Assert.Equal(id, removed["removeEffectTarget"]!.GetValue<string>());
        Assert.Equal(["id"], again.ShouldFailWith("NOT_FOUND").Fields);
        Assert.Empty((await admin.QueryAsync(TargetsOfYear, new { year = 2047 }))["effectTargets"]!.AsArray());
    }

    [Fact]
    public async Task Consultants_may_not_set_targets_and_company_users_may_not_read_them()
    {
        var cast = await RoleCast.CreateAsync(factory);

        var consultant = await cast.Consultant.Client.SendAsync(SetTarget, new { input = new { year = 2048, measure = "REACH", targetPercent = 50 } });
        var company = await cast.CompanyUser.Client.SendAsync(TargetsOfYear, new { year = 2048 });

        consultant.ShouldFailWith("FORBIDDEN");
        company.ShouldFailWith("FORBIDDEN");
        await using var db = factory.NewDbContext();
        Assert.False(await db.EffectTargets.AnyAsync(t => t.Year == 2048));
    }
}
