using CrmAlliance.Api.Features.Companies;
using CrmAlliance.DataGeneration;

namespace CrmAlliance.UnitTests.DataGeneration;

public sealed class SyntheticDeterminismTests
{
    private static readonly SeedOptions Options = new(40, 600, 7, new DateOnly(2025, 12, 31), 3);

    [Fact]
    public async Task The_same_options_give_the_same_rows_ids_included_and_another_seed_other_rows()
    {
        var first = await InMemoryDataSet.GenerateAsync(Options);
        var second = await InMemoryDataSet.GenerateAsync(Options);
        var otherSeed = await InMemoryDataSet.GenerateAsync(Options with { Seed = 8 });

        Assert.Equal(first.Rows.Count, second.Rows.Count);
        Assert.Equal(first.ContentHash(), second.ContentHash());
        Assert.NotEqual(first.ContentHash(), otherSeed.ContentHash());
        Assert.NotEqual(first.Companies.Select(c => c.Cvr), otherSeed.Companies.Select(c => c.Cvr));
    }

    [Fact]
    public async Task More_placements_leave_the_companies_as_they_were()
    {
        var fewer = await InMemoryDataSet.GenerateAsync(Options);
        var more = await InMemoryDataSet.GenerateAsync(Options with { Placements = 900 });

        static object Key(Company c) => (c.Id, c.Cvr, c.Name, c.IndustryCode, c.MembershipStatus, c.JoinedOn, c.ResponsibleConsultantId);
        Assert.Equal(fewer.Companies.Select(Key), more.Companies.Select(Key));
        Assert.Equal(900, more.Placements.Count());
    }

    [Fact]
    public async Task A_history_with_no_placements_still_has_companies_contacts_and_pledges()
    {
        var empty = await InMemoryDataSet.GenerateAsync(Options with { Placements = 0 });

        Assert.Empty(empty.Placements);
        Assert.Empty(empty.Vacancies);
        Assert.Equal(40, empty.Companies.Count());
        Assert.NotEmpty(empty.ContactLogs);
    }

    [Fact]
    public async Task One_company_takes_every_placement_it_can_and_the_rest_become_ordinary_jobs()
    {
        var single = await InMemoryDataSet.GenerateAsync(new SeedOptions(1, 300, 3, new DateOnly(2025, 12, 31), 2));

        Assert.Equal(300, single.Placements.Count());
        Assert.Equal(Api.Features.Companies.MembershipStatus.Active, single.Companies.Single().MembershipStatus);
    }
}
