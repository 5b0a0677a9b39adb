using Bunit;
using CrmAlliance.Api.Web;

namespace CrmAlliance.UnitTests.Web.Components;

/// <summary>The DKFDS pager: which page links it shows, which it leaves out, and how it announces the current page.</summary>
public sealed class PagerTests : ComponentTest
{
    // As a list page builds it: the search and sort stay in the query string, only the page changes.
    private static string Href(int page) => $"/virksomheder?q=bager&sort=navn&side={page}";

    private IRenderedComponent<Pager> Render(int current, int pageCount) => Render<Pager>(p => p
        .Add(x => x.Current, current)
        .Add(x => x.PageCount, pageCount)
        .Add(x => x.Href, Href)
        .Add(x => x.Label, "Sider i resultatet"));

    private static List<string> Numbers(IRenderedComponent<Pager> pager)
        => [.. pager.FindAll(".pagination__items li").Select(li => li.TextContent.Trim())];

    [Fact]
    public void A_single_page_needs_no_pager()
        => Assert.Empty(Render(current: 1, pageCount: 1).Nodes);

    [Fact]
    public void The_first_page_has_no_previous_link_and_leads_on_to_the_second()
    {
        var pager = Render(current: 1, pageCount: 10);

        Assert.Empty(pager.FindAll("a.button-previous"));
        Assert.Equal(Href(2), pager.Find("a.button-next").GetAttribute("href"));
        Assert.Equal(["1", "2", "3", "…", "10"], Numbers(pager));
        Assert.Equal("Side 1 af 10", pager.Find(".pagination-mobile").TextContent);
    }

    [Fact]
    public void A_page_in_the_middle_shows_the_first_the_last_and_two_either_side_with_gaps_between()
    {
        var pager = Render(current: 6, pageCount: 12);

        Assert.Equal(["1", "…", "4", "5", "6", "7", "8", "…", "12"], Numbers(pager));
        Assert.Equal(Href(5), pager.Find("a.button-previous").GetAttribute("href"));
        Assert.Equal(Href(7), pager.Find("a.button-next").GetAttribute("href"));
        Assert.All(pager.FindAll(".pagination-overflow"), gap => Assert.Equal("true", gap.GetAttribute("aria-hidden")));
    }

    [Fact]
    public void The_last_page_has_no_next_link()
    {
        var pager = Render(current: 12, pageCount: 12);

        Assert.Empty(pager.FindAll("a.button-next"));
        Assert.Equal(Href(11), pager.Find("a.button-previous").GetAttribute("href"));
        Assert.Equal(["1", "…", "10", "11", "12"], Numbers(pager));
    }

    [Fact]
    public void Only_the_current_page_is_marked_current_and_every_link_keeps_the_query_string()
    {
        var pager = Render(current: 3, pageCount: 5);

        var current = Assert.Single(pager.FindAll("a[aria-current]"));
        Assert.Equal("page", current.GetAttribute("aria-current"));
        Assert.Equal("3", current.TextContent);
        Assert.Equal("Side 3", current.GetAttribute("aria-label"));
        Assert.Equal("Sider i resultatet", pager.Find("nav").GetAttribute("aria-label"));
        var links = pager.FindAll("a");
        Assert.Equal(7, links.Count);
        Assert.All(links, a => Assert.StartsWith("/virksomheder?q=bager&sort=navn&side=", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal(
            ["Side 1", "Side 2", "Side 3", "Side 4", "Side 5"],
            pager.FindAll(".pagination-number a").Select(a => a.GetAttribute("aria-label")));
    }

    [Fact]
    public void In_English_the_pager_reads_in_English()
    {
        InEnglish();
        var pager = Render(current: 2, pageCount: 4);

        Assert.Equal("Page 2 of 4", pager.Find(".pagination-mobile").TextContent);
        Assert.Equal("Previous", pager.Find("a.button-previous").TextContent.Trim());
        Assert.Equal("Next", pager.Find("a.button-next").TextContent.Trim());
        Assert.Equal("Page 2", pager.Find("a[aria-current]").GetAttribute("aria-label"));
    }
}
