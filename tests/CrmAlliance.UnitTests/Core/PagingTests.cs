using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.GraphQL;

namespace CrmAlliance.UnitTests.Core;

public sealed class PagingTests
{
    [Fact]
    public void A_cursor_points_after_the_item_it_was_issued_for()
        => Assert.Equal(21, new PageRequest(10, Cursor.Encode(20)).Offset);

    [Theory]
    [InlineData(101, null)]
    [InlineData(-1, null)]
    [InlineData(10, "not-a-cursor")]
    public void Pages_beyond_the_bound_and_foreign_cursors_are_refused(int first, string? after)
        => Assert.Throws<ValidationException>(() => new PageRequest(first, after).Validate());

    [Fact]
    public void A_global_ID_round_trips_and_names_its_type()
    {
        var id = Guid.NewGuid();

        Assert.Equal(id, GlobalId.Parse(GlobalId.Encode("Company", id), "Company", "id"));
        var wrongType = Assert.Throws<ValidationException>(() => GlobalId.Parse(GlobalId.Encode("Vacancy", id), "Company", "input.companyId"));
        Assert.Equal("input.companyId", wrongType.Field);
    }
}
