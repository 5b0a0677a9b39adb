using Bunit;
using CrmAlliance.Api.Web;

namespace CrmAlliance.UnitTests.Web.Components;

/// <summary>A sortable column header: aria-sort on the sorted column only, and a link that sorts the other way.</summary>
public sealed class SortHeaderTests : ComponentTest
{
    private static string Href(string key, bool descending) => $"/virksomheder?q=bager&sort={key}{(descending ? "-" : "")}";

    private IRenderedComponent<SortHeader> Render(string currentKey, bool descending) => Render<SortHeader>(p => p
        .Add(x => x.Key, "navn")
        .Add(x => x.Label, "Navn")
        .Add(x => x.CurrentKey, currentKey)
        .Add(x => x.Descending, descending)
        .Add(x => x.Href, Href));

    [Fact]
    public void A_column_the_list_is_not_sorted_by_has_no_aria_sort_and_sorts_ascending()
    {
        var header = Render(currentKey: "cvr", descending: true);

        Assert.False(header.Find("th").HasAttribute("aria-sort"));
        Assert.Equal("/virksomheder?q=bager&sort=navn", header.Find("a").GetAttribute("href"));
        Assert.Equal("sortér stigende", header.Find(".sr-only").TextContent);
        Assert.EndsWith("#sort-table-none", header.Find("use").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_column_sorted_ascending_says_so_and_its_link_sorts_descending()
    {
        var header = Render(currentKey: "navn", descending: false);

        Assert.Equal("ascending", header.Find("th").GetAttribute("aria-sort"));
        Assert.Equal("/virksomheder?q=bager&sort=navn-", header.Find("a").GetAttribute("href"));
        Assert.Equal("sortér faldende", header.Find(".sr-only").TextContent);
        Assert.EndsWith("#sort-table-ascending", header.Find("use").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_column_sorted_descending_says_so_and_its_link_sorts_ascending_again()
    {
        var header = Render(currentKey: "navn", descending: true);

        Assert.Equal("descending", header.Find("th").GetAttribute("aria-sort"));
        Assert.Equal("/virksomheder?q=bager&sort=navn", header.Find("a").GetAttribute("href"));
        Assert.Equal("sortér stigende", header.Find(".sr-only").TextContent);
        Assert.Equal("col", header.Find("th").GetAttribute("scope"));
    }
}
