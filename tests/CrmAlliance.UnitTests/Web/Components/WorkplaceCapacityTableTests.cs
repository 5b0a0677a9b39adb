using Bunit;
using CrmAlliance.Api.Features.Companies.Pages;
using CrmAlliance.Api.Features.Placements;

namespace CrmAlliance.UnitTests.Web.Components;

/// <summary>Each workplace's places under the ratio rule: allowed, taken, and free today and for the 13 weeks ahead, never below zero.</summary>
public sealed class WorkplaceCapacityTableTests : ComponentTest
{
    private IRenderedComponent<WorkplaceCapacityTable> Render(params WorkplaceCapacity[] workplaces)
        => Render<WorkplaceCapacityTable>(p => p.Add(x => x.Workplaces, workplaces));

    private static WorkplaceCapacity Workplace(string name, int employees, int allowed, int takenToday, int peakAhead)
        => new(Guid.NewGuid(), "1003456789", name, employees, allowed, takenToday, peakAhead);

    private static List<string> Cells(IRenderedComponent<WorkplaceCapacityTable> table, string workplace)
    {
        var row = table.FindAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == workplace);
        return [.. row.QuerySelectorAll("td").Select(td => td.TextContent)];
    }

    [Fact]
    public void A_company_without_workplaces_is_told_so_instead_of_an_empty_table()
    {
        var section = Render();

        Assert.Equal("Virksomheden har ingen arbejdssteder registreret endnu.", section.Find("[data-testid=no-workplaces]").TextContent);
        Assert.Empty(section.FindAll("table"));
    }

    [Fact]
    public void Each_workplace_shows_its_places_with_Danish_thousands_and_the_weeks_ahead()
    {
        var table = Render(Workplace("Aarhus", employees: 1200, allowed: 61, takenToday: 20, peakAhead: 25));

        Assert.Equal(["1003456789", "1.200", "61", "20", "41", "36"], Cells(table, "Aarhus"));
        Assert.Equal("Ledige 13 uger frem", table.FindAll("thead th")[^1].TextContent);
        Assert.Contains("de næste 13 uger", table.Find("p").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Free_ahead_is_what_the_busiest_day_leaves_not_what_today_leaves()
    {
        var table = Render(Workplace("Vejle", employees: 30, allowed: 3, takenToday: 0, peakAhead: 2));

        Assert.Equal(["1003456789", "30", "3", "0", "3", "1"], Cells(table, "Vejle"));
    }

    [Fact]
    public void A_full_workplace_and_one_over_its_places_both_show_zero_free_never_a_negative_number()
    {
        var table = Render(
            Workplace("Fuld", employees: 10, allowed: 1, takenToday: 1, peakAhead: 1),
            Workplace("Over", employees: 12, allowed: 1, takenToday: 3, peakAhead: 4));

        Assert.Equal(["1003456789", "10", "1", "1", "0", "0"], Cells(table, "Fuld"));
        Assert.Equal(["1003456789", "12", "1", "3", "0", "0"], Cells(table, "Over"));
        Assert.DoesNotContain(table.FindAll("td"), td => td.TextContent.StartsWith('-'));
    }

    [Fact]
    public void In_English_the_headings_read_in_English_and_the_numbers_stay_Danish()
    {
        InEnglish();
        var table = Render(Workplace("Aarhus", employees: 1200, allowed: 61, takenToday: 20, peakAhead: 25));

        Assert.Equal(
            ["Workplace", "P-number", "Ordinary employees", "Allowed", "Taken today", "Free today", "Free for 13 weeks"],
            table.FindAll("thead th").Select(th => th.TextContent));
        Assert.Equal("1.200", Cells(table, "Aarhus")[1]);
    }
}
