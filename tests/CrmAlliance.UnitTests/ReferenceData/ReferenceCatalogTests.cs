using CrmAlliance.Api.Features.ReferenceData;

namespace CrmAlliance.UnitTests.ReferenceData;

public sealed class ReferenceCatalogTests
{
    private static readonly ReferenceCatalog Catalog = new();

    [Fact]
    public void All_three_reference_lists_are_loaded_with_their_documented_row_counts()
    {
        Assert.Equal(619, Catalog.Occupations.Count);
        Assert.Equal(996, Catalog.Industries.Count);
        Assert.Equal(1089, Catalog.Postcodes.Count);
    }

    [Theory]
    [InlineData("5223", "5223")]
    [InlineData("522310", "5223")]
    [InlineData("2512", "2512")]
    public void A_DISCO_08_code_resolves_to_its_ISCO_08_unit_group(string disco, string unit)
        => Assert.Equal(unit, Catalog.FindOccupation(disco)?.Code);

    [Theory]
    [InlineData("522")] // a minor group, not specific enough for a vacancy
    [InlineData("9999")]
    [InlineData("52231x")]
    public void Codes_that_are_not_unit_groups_are_refused(string disco) => Assert.Null(Catalog.FindOccupation(disco));

    [Fact]
    public void A_DB07_code_resolves_to_its_NACE_class_and_section()
    {
        Assert.Equal("62.01", Catalog.FindIndustry("620100")?.Code);
        Assert.Equal("J", Catalog.FindSection("620100")?.Code);
        Assert.Null(Catalog.FindIndustry("999999"));
        Assert.Null(Catalog.FindIndustry("6201"));
    }

    [Fact]
    public void Aalborg_postcodes_have_names_and_approximate_centres()
    {
        var aalborg = Catalog.FindPostcode("9000");

        Assert.Equal("Aalborg", aalborg?.Name);
        Assert.InRange(aalborg!.Latitude!.Value, 56.9, 57.2);
        Assert.Null(Catalog.FindPostcode("0000"));
    }
}
