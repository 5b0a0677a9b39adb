using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Features.ReferenceData.Search;
using CrmAlliance.Api.Features.Vacancies.Pages;

namespace CrmAlliance.UnitTests.ReferenceData.Search;

public sealed class OccupationSearchTests
{
    private static readonly OccupationSearch Search = new(new ReferenceCatalog());

    private static List<string> Codes(string? text, int first = 50, string? codePrefix = null)
        => Search.Search(new ReferenceSearchRequest(text, codePrefix, first)).Items.Select(o => o.Code).ToList();

    [Fact]
    public void Svejs_finds_welding_first_by_title_then_the_group_with_a_word_starting_with_it()
    {
        var page = Search.Search(new ReferenceSearchRequest("svejs"));

        Assert.Equal(["7212", "721200", "721"], page.Items.Select(o => o.Code).ToList());
        Assert.Equal("Svejsearbejde og skærebrænding", page.Items[0].TitleDa);
        Assert.Equal("Welders and flamecutters", page.Items[0].Title);
    }

    [Theory]
    [InlineData("sosu")]
    [InlineData("SOSU")]
    [InlineData("social- og sundhed")]
    public void Sosu_finds_the_social_and_health_care_helpers_and_assistants(string text)
    {
        var codes = Codes(text);

        Assert.Equal(["532110", "532120", "5322", "532210", "532220"], codes);
    }

    [Fact]
    public void Sosu_with_a_second_word_narrows_to_assistants_or_helpers()
    {
        Assert.Equal(["532120", "532220"], Codes("sosu assistent"));
        Assert.Equal(["532110", "532210"], Codes("sosu-hjælper"));
    }

    [Fact]
    public void Lager_finds_warehouse_work_titles_starting_with_it_before_titles_with_the_word_later()
    {
        var codes = Codes("lager");

        Assert.Equal(["4321", "432100", "933410", "933", "9334"], codes);
    }

    [Fact]
    public void A_code_ranks_its_exact_entry_first_then_the_codes_below_it()
    {
        var codes = Codes("5223");

        Assert.Equal("5223", codes[0]);
        Assert.All(codes, c => Assert.StartsWith("5223", c, StringComparison.Ordinal));
        Assert.Contains("522300", codes);
        Assert.Equal(["532120"], Codes("532120"));
    }

    [Fact]
    public void Exact_code_outranks_title_prefix_which_outranks_word_prefix()
    {
        // "kok": 512 "Kokkearbejde" begins with it; 5120 too; 3434 "Køkkenchefarbejde" does not (ø is not o).
        var codes = Codes("kok");

        Assert.Equal(["512", "5120", "512000"], codes.Take(3));
        Assert.DoesNotContain("3434", codes);
    }

    [Theory]
    [InlineData("køkkenchef")]
    [InlineData("KØKKENCHEF")]
    [InlineData("koekkenchef")]
    public void Æ_ø_and_å_match_themselves_in_any_case_and_as_ae_oe_aa(string text)
        => Assert.Contains("3434", Codes(text));

    [Fact]
    public void Other_accents_do_not_matter_but_ø_is_not_o()
    {
        Assert.Equal(Codes("frisør"), Codes("frísør"));
        Assert.Contains("5141", Codes("frisør"));
        Assert.DoesNotContain("5141", Codes("frisor"));
    }

    [Fact]
    public void English_titles_are_searched_too()
        => Assert.Equal("7212", Codes("welders")[0]);

    [Fact]
    public void Words_are_matched_at_their_start_or_inside_a_compound_but_a_short_fragment_only_at_the_start()
    {
        Assert.Contains("532110", Codes("medhjælp"));
        Assert.Contains("532110", Codes("hjælpere")); // inside "medhjælpere"
        Assert.DoesNotContain("7212", Codes("ve")); // "svejsearbejde" has "ve" inside only
    }

    [Fact]
    public void Without_a_search_every_entry_comes_in_code_order_and_pages_do_not_overlap()
    {
        var all = Search.Search(new ReferenceSearchRequest(null, null, 100));
        var second = Search.Search(new ReferenceSearchRequest("  ", null, 100, 100));

        Assert.Equal(1171 + 14, all.TotalCount);
        Assert.Equal(["0", "01", "011", "0110"], all.Items.Take(4).Select(o => o.Code));
        Assert.Empty(all.Items.Intersect(second.Items));
        Assert.Equal(100, second.Offset);
    }

    [Fact]
    public void Results_are_bounded_by_first_and_the_total_counts_every_match()
    {
        var page = Search.Search(new ReferenceSearchRequest("arbejde", null, 5));

        Assert.Equal(5, page.Items.Count);
        Assert.True(page.TotalCount > 100);
        Assert.True(page.HasNextPage);
    }

    [Fact]
    public void Punctuation_alone_finds_nothing() => Assert.Empty(Codes("--,"));

    [Theory]
    [InlineData(101, 50, 0, "search")]
    [InlineData(5, 101, 0, "first")]
    [InlineData(5, -1, 0, "first")]
    [InlineData(5, 50, -1, "offset")]
    public void A_request_out_of_bounds_is_refused_with_the_field(int searchLength, int first, int offset, string field)
    {
        var refusal = Assert.Throws<ValidationException>(() => Search.Search(new ReferenceSearchRequest(new string('a', searchLength), null, first, offset)));

        Assert.Equal(field, refusal.Errors.Single().Field);
    }

    [Theory]
    [InlineData("svejser")]
    [InlineData("svejsere")]
    [InlineData("Svejserne")]
    [InlineData("SVEJSER")]
    public void Whole_words_and_inflections_find_welding_like_the_prefix_does_and_nothing_much_else(string text)
    {
        var codes = Codes(text);

        Assert.Equal(["7212", "721200", "721"], codes.Take(3));
        Assert.InRange(codes.Count, 3, 10);
    }

    [Theory]
    [InlineData("lagerarbejder")]
    [InlineData("lagerarbejdere")]
    [InlineData("lagerarbejderne")]
    [InlineData("Lagerarbejderen")]
    public void A_warehouse_worker_in_any_form_finds_warehouse_work(string text)
    {
        var codes = Codes(text);

        Assert.Contains("933410", codes); // Lager- og pakhusarbejde
        Assert.Contains("933", codes); // Transport- og lagerarbejde
        Assert.InRange(codes.Count, 2, 15);
    }

    [Theory]
    [InlineData("sosu-assistent")]
    [InlineData("SOSU-assistenter")]
    [InlineData("sosuassistent")]
    [InlineData("sosu assistenterne")]
    public void Sosu_assistants_are_found_with_a_hyphen_as_one_word_and_inflected(string text)
        => Assert.Equal(["532120", "532220"], Codes(text));

    [Fact]
    public void Exact_and_prefix_title_matches_rank_before_inflected_and_compound_ones()
    {
        // "svejsearbejde" begins 7212's title; "svejsearbejdet" finds it only with the ending taken off, after "svejsearbejde".
        Assert.Equal("7212", Codes("svejsearbejde")[0]);
        Assert.Equal("7212", Codes("svejsearbejdet")[0]);

        // "kok" begins titles; "kokken" ("the cook") finds the same cooks through "kokk".
        Assert.Equal(["512", "5120", "512000"], Codes("kokken").Take(3));
    }

    [Fact]
    public void A_short_stem_is_not_searched_so_results_stay_bounded()
    {
        // "bager" would be "bag" without its ending; that is too short to mean anything.
        var bakers = Search.Search(new ReferenceSearchRequest("bager")).Items;
        Assert.NotEmpty(bakers);
        Assert.All(bakers, o => Assert.Contains("bager", o.TitleDa, StringComparison.OrdinalIgnoreCase));
        Assert.InRange(Search.Search(new ReferenceSearchRequest("svejser", null, 0)).TotalCount, 1, 10);
        Assert.InRange(Search.Search(new ReferenceSearchRequest("lagerarbejdere", null, 0)).TotalCount, 1, 15);
    }

    [Fact]
    public void The_picker_offers_each_occupation_once_by_its_most_specific_code()
    {
        var catalog = new ReferenceCatalog();

        var svejs = OccupationChoices.For(Search, catalog, "svejs", null).Select(o => o.Code).ToList();
        var advokat = OccupationChoices.For(Search, catalog, "advokat", null).Select(o => o.Code).ToList();

        Assert.Equal(["721200"], svejs);
        Assert.Equal(["261110", "261120", "334200"], advokat); // not also 2611 "Advokatarbejde" or 3342 "Advokatsekretærarbejde"
        foreach (var word in new[] { "svejs", "sosu", "lager", "kok", "advokat", "rengøring", "pædagog" })
        {
            var titles = OccupationChoices.For(Search, catalog, word, null).Select(o => o.TitleDa).ToList();
            Assert.Equal(titles.Count, titles.Distinct().Count());
        }

        // A vacancy saved with a unit group keeps it in the list.
        Assert.Equal("7212", OccupationChoices.For(Search, catalog, "svejs", "7212")[0].Code);
    }

    [Fact]
    public void The_code_prefix_filters_the_ranked_matches() => Assert.Equal(["7212", "721200"], Codes("svejs", codePrefix: "7212"));
}
