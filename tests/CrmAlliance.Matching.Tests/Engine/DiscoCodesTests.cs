using CrmAlliance.Matching.Engine;

namespace CrmAlliance.Matching.Tests.Engine;

public sealed class DiscoCodesTests
{
    [Theory]
    [InlineData("522310", "522310", 6)]
    [InlineData("522310", "522320", 4)]
    [InlineData("522310", "52231", 5)]
    [InlineData("5223", "522310", 4)]
    [InlineData("5223", "5223", 4)]
    [InlineData("5223", "5222", 3)]
    [InlineData("5223", "5311", 1)]
    [InlineData("5223", "9112", 0)]
    [InlineData("0110", "0210", 1)]
    [InlineData("5223", "x223", 0)]
    [InlineData("52a3", "52a3", 2)]
    [InlineData("5223", "", 0)]
    [InlineData("52231099", "52231099", 6)]
    public void The_shared_level_is_the_number_of_leading_digits_two_codes_have_in_common(string a, string b, int level)
    {
        Assert.Equal(level, DiscoCodes.SharedLevel(a, b));
        Assert.Equal(level, DiscoCodes.SharedLevel(b, a));
    }
}
