using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Companies.Import;

namespace CrmAlliance.UnitTests.Companies.Import;

public sealed class CompanyImportValuesTests
{
    [Theory]
    [InlineData("2026-03-05")]
    [InlineData("05-03-2026")]
    [InlineData("5.3.2026")]
    [InlineData("05/03/2026")]
    public void Dates_are_read_in_ISO_and_Danish_day_month_order(string cell)
    {
        Assert.True(CompanyImportValues.TryDate(cell, out var date, out _));
        Assert.Equal(new DateOnly(2026, 3, 5), date);
    }

    [Theory]
    [InlineData("2026-03")]
    [InlineData("03-2026")]
    [InlineData("3.2026")]
    [InlineData("2026-03-17")]
    public void A_month_is_read_from_a_month_or_a_date_in_it_as_its_first_day(string cell)
    {
        Assert.True(CompanyImportValues.TryMonth(cell, out var month, out _));
        Assert.Equal(new DateOnly(2026, 3, 1), month);
    }

    [Theory]
    [InlineData("12,5", 12.5)]
    [InlineData("12.5", 12.5)]
    [InlineData("40", 40)]
    [InlineData("7,333", 7.33)]
    public void Decimals_take_a_Danish_comma_or_a_point(string cell, double expected)
    {
        Assert.True(CompanyImportValues.TryDecimal(cell, out var value, out _));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1.234,5")]
    [InlineData("-3")]
    [InlineData("12 5")]
    [InlineData("tolv")]
    public void Decimals_with_thousands_separators_signs_or_words_are_refused(string cell)
    {
        Assert.False(CompanyImportValues.TryDecimal(cell, out _, out var reason));
        Assert.Contains(cell, reason.ToString(), StringComparison.Ordinal);

    }

    [Theory]
    [InlineData("ja", true)]
    [InlineData("X", true)]
    [InlineData("Yes", true)]
    [InlineData("nej", false)]
    [InlineData("0", false)]
    public void Yes_and_no_are_read_in_Danish_and_English(string cell, bool expected)
    {
        Assert.True(CompanyImportValues.TryYesNo(cell, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("emne", MembershipStatus.Prospect)]
    [InlineData("Aktiv", MembershipStatus.Active)]
    [InlineData("PAUSED", MembershipStatus.Paused)]
    [InlineData("udmeldt", MembershipStatus.Left)]
    public void Membership_statuses_are_read_in_Danish_and_English(string cell, MembershipStatus expected)
    {
        Assert.True(CompanyImportValues.TryMembershipStatus(cell, out var status, out _));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("DK12345674", "12345674")]
    [InlineData("12 34 56 74", "12345674")]
    [InlineData("1012345678", "1012345678")]
    public void Identifiers_lose_spaces_and_a_DK_prefix(string cell, string expected)
        => Assert.Equal(expected, CompanyImportValues.NormaliseIdentifier(cell));
}
