using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Features.ReferenceData.Search;

namespace CrmAlliance.UnitTests.ReferenceData.Search;

public sealed class IndustrySearchTests
{
    private static readonly IndustrySearch Search = new(new ReferenceCatalog());

    private static List<Industry> Find(string? text, string? codePrefix = null, int first = 50)
        => Search.Search(new ReferenceSearchRequest(text, codePrefix, first)).Items.ToList();

    [Fact]
    public void A_six_digit_code_companies_carry_is_found_with_its_Danish_title_and_its_class_as_parent()
    {
        var found = Find("620100");

        var subclass = Assert.Single(found);
        Assert.Equal(("subclass", "62.01", "Computerprogrammering", "Computer programming activities"), (subclass.Level, subclass.Parent, subclass.TitleDa, subclass.Title));
    }

    [Fact]
    public void A_class_code_with_or_without_its_dot_ranks_the_class_first_then_its_subclass()
    {
        Assert.Equal(["62.01", "620100"], Find("62.01").Select(i => i.Code));
        Assert.Equal(["62.01", "620100"], Find("6201").Select(i => i.Code));
    }

    [Fact]
    public void The_code_prefix_filter_keeps_working_as_before_and_includes_the_subclasses()
    {
        var codes = Find(null, "62").Select(i => i.Code).ToList();

        Assert.Equal(["62", "62.0", "62.01", "620100", "62.02", "620200", "62.03", "620300", "62.09", "620900"], codes);
    }

    [Fact]
    public void Lager_finds_warehousing_first_and_compounds_containing_it_after()
    {
        var found = Find("lager");

        Assert.Equal(["52.1", "52.10", "521000"], found.Take(3).Select(i => i.Code));
        Assert.Equal("Oplagrings- og pakhusvirksomhed", found[2].TitleDa);
        Assert.Contains(found.Skip(3), i => i.Code == "43.22"); // VVS- og blikkenslagerforretninger
    }

    [Theory]
    [InlineData("restauranten", "561010")]
    [InlineData("restauranterne", "561010")]
    [InlineData("frisøren", "960210")]
    [InlineData("tømrerfirma", "433200")]
    [InlineData("rengøringsfirmaet", "812100")]
    public void Inflected_words_and_compounds_beginning_with_a_title_word_find_the_industry(string text, string code)
    {
        var page = Search.Search(new ReferenceSearchRequest(text, null, 100));

        Assert.Contains(page.Items, i => i.Code == code);
        Assert.InRange(page.TotalCount, 1, 30);
    }

    [Fact]
    public void A_title_starting_with_the_word_ranks_before_one_found_through_an_inflection()
    {
        var codes = Find("restaurant").Select(i => i.Code).ToList();

        Assert.Equal(["56.1", "56.10", "561010"], codes.Take(3));
        Assert.Equal(codes.Take(3), Find("restauranterne").Select(i => i.Code).Take(3));
    }

    [Fact]
    public void English_and_sections_stay_searchable()
    {
        Assert.Equal("J", Find("j")[0].Code);
        Assert.Contains(Find("software"), i => i.Code == "58.29");
    }

    [Fact]
    public void Every_level_has_a_Danish_title_and_outdated_DB07_rows_are_left_out()
    {
        var all = Search.Search(new ReferenceSearchRequest(null, null, 0));

        Assert.Equal(996 + 736, all.TotalCount);
        Assert.Empty(Find("421000"));
        Assert.Empty(Find("999999"));
    }
}
