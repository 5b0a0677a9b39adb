using CrmAlliance.Matching.Engine;
using static CrmAlliance.Matching.Tests.Engine.Pools;

namespace CrmAlliance.Matching.Tests.Engine;

public sealed class PostcodeCentresTests
{
    [Fact]
    public void The_embedded_file_gives_centres_for_the_danish_postcodes_that_have_one()
    {
        // 1,089 rows, 18 of them without coordinates (SOURCES.md of the reference data).
        Assert.Equal(1_071, Centres.Count);
        Assert.True(Centres.Contains("9000"));
        Assert.True(Centres.Contains(" 9000 "));
        Assert.False(Centres.Contains("9850"));
        Assert.False(Centres.Contains("0000"));
    }

    [Theory]
    [InlineData("9000", "9000", 0.0)]
    [InlineData("9000", "9380", 11.95)]   // Aalborg – Vestbjerg
    [InlineData("9000", "9800", 79.24)]   // Aalborg – Hjørring
    [InlineData("9000", "1050", 227.89)]  // Aalborg – København K
    [InlineData("1050", "9000", 227.89)]
    public void Distances_are_great_circle_kilometres_between_the_centres(string from, string to, double km)
        => Assert.Equal(km, Centres.DistanceKm(from, to)!.Value, 2);

    [Theory]
    [InlineData("9000", "0000")]
    [InlineData("0000", "9000")]
    [InlineData("9850", "9000")]
    [InlineData(null, "9000")]
    public void A_distance_involving_a_postcode_without_a_centre_is_unknown(string? from, string to)
        => Assert.Null(Centres.DistanceKm(from, to));

    [Fact]
    public void A_file_with_a_malformed_line_is_refused_with_its_line_number()
    {
        var csv = "postcode,name,lat,lon\n9000,Aalborg,57.05,9.83\n9400,Nørresundby,north,9.92\n";

        var error = Assert.Throws<FormatException>(() => PostcodeCentres.Parse(new StringReader(csv)));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_a_postcode_twice_is_refused()
    {
        var csv = "postcode,name,lat,lon\n9000,Aalborg,57.05,9.83\n9000,Aalborg,57.05,9.83\n";

        Assert.Throws<FormatException>(() => PostcodeCentres.Parse(new StringReader(csv)));
    }
}
