using CrmAlliance.Api.Features.ReferenceData;

namespace CrmAlliance.UnitTests.ReferenceData;

public sealed class ReferenceCatalogTests
{
    private static readonly ReferenceCatalog Catalog = new();

    [Fact]
    public void All_three_reference_lists_are_loaded_with_their_documented_row_counts()
    {
        // DISCO-08's 1,171 codes and the 14 ISCO-08 groups it leaves out; NACE's 996 entries and DB07's 736 subclasses.
        Assert.Equal(1171 + 14, Catalog.Occupations.Count);
        Assert.Equal(996 + 736, Catalog.Industries.Count);
        Assert.Equal(1089, Catalog.Postcodes.Count);
    }

    [Theory]
    [InlineData("5223", "5223")]
    [InlineData("522310", "5223")]
    [InlineData("2512", "2512")]
    public void A_DISCO_08_code_resolves_to_its_ISCO_08_unit_group(string disco, string unit)
        => Assert.Equal(unit, Catalog.FindOccupation(disco)?.Code);

    [Theory]
    [InlineData("234310", "2343", "Pædagogisk arbejde")] // DISCO-08's own unit group
    [InlineData("5223", "5223", "Salgsarbejde i butik")]
    [InlineData("631099", "6310", null)] // ISCO-08's, left out of DISCO-08: still valid, English only
    public void DISCO_08_unit_groups_are_valid_too_and_carry_Danish_titles(string disco, string unit, string? titleDa)
    {
        var found = Catalog.FindOccupation(disco);

        Assert.Equal((unit, titleDa), (found?.Code, found?.TitleDa));
        Assert.False(string.IsNullOrEmpty(found!.Title));
    }

    [Theory]
    [InlineData("532120", "532120", "Social- og sundhedsarbejde på institutioner og hospitaler, assistenter")]
    [InlineData("532199", "5321", "Omsorgsarbejde på institutioner og hospitaler (ekskl. plejehjem)")]
    [InlineData("53212", "5321", "Omsorgsarbejde på institutioner og hospitaler (ekskl. plejehjem)")]
    public void The_most_specific_occupation_is_the_job_category_when_DISCO_08_has_it(string disco, string code, string titleDa)
        => Assert.Equal((code, titleDa), (Catalog.FindMostSpecificOccupation(disco)?.Code, Catalog.FindMostSpecificOccupation(disco)?.TitleDa));

    [Fact]
    public void The_most_specific_industry_is_the_DB07_subclass_when_it_exists_else_its_class()
    {
        Assert.Equal(("620100", "Computerprogrammering"), (Catalog.FindMostSpecificIndustry("620100")?.Code, Catalog.FindMostSpecificIndustry("620100")?.TitleDa));
        Assert.Equal("62.01", Catalog.FindMostSpecificIndustry("620199")?.Code);
        Assert.Null(Catalog.FindMostSpecificIndustry("421000"));
    }

    [Fact]
    public void The_codes_to_pick_are_the_most_specific_each_occupation_once_and_every_unit_group_has_some()
    {
        var picked = Catalog.Occupations.Where(o => o.MostSpecific).ToList();

        // DISCO-08's 564 job categories and the 9 ISCO-08 unit groups DISCO-08 leaves out (6310–6340, 1113, 4414, 5243, 7111, 9624).
        Assert.Equal(564 + 9, picked.Count);
        Assert.All(picked, o => Assert.True(o.Level == "job" || o.TitleDa is null, o.Code));
        Assert.DoesNotContain(picked.Where(o => o.TitleDa is not null).GroupBy(o => o.TitleDa), g => g.Count() > 1);
        Assert.All(Catalog.Occupations.Where(o => o.Level == "unit"), unit => Assert.Contains(picked, o => o.Code.StartsWith(unit.Code, StringComparison.Ordinal)));
        Assert.DoesNotContain(picked, o => o.Code is "7212" or "2611");
        Assert.Contains(picked, o => o.Code == "721200");
    }

    [Theory]
    [InlineData("721200", "7212")] // the unit group's only job category, same title
    [InlineData("7212", "7212")]
    [InlineData("261110", "261110")] // one of two in 2611
    [InlineData("532120", "532120")]
    [InlineData("9624", "9624")]
    public void The_broadest_code_of_an_occupation_is_its_unit_group_when_that_has_only_this_job_category(string code, string broadest)
        => Assert.Equal(broadest, Catalog.BroadestCodeOf(code));

    [Theory]
    [InlineData("620100", false, "Computerprogrammering")]
    [InlineData("620100", true, "Computer programming activities")] // 62.01's only subclass: NACE's title is its own
    [InlineData("471120", false, "Supermarkeder")]
    [InlineData("471120", true, "Supermarkeder")] // one of three subclasses of 47.11: only DB07 names it
    [InlineData("620199", true, "Computer programming activities")] // not a subclass: its class
    [InlineData("999999", true, null)]
    [InlineData(null, false, null)]
    public void A_companys_industry_title_is_Danish_and_in_English_NACEs_where_it_is_the_industrys_own(string? code, bool english, string? title)
        => Assert.Equal(title, Catalog.IndustryTitle(code, english));

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
