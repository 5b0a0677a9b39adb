using AngleSharp.Dom;
using Bunit;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Companies.Pages;
using CrmAlliance.Api.Features.ContactLogs;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Pledges;
using CrmAlliance.Api.Features.Timeline;
using CrmAlliance.Api.Features.Vacancies;

namespace CrmAlliance.UnitTests.Web.Components;

/// <summary>The company's timeline: each kind of entry in words (never an enum's C# name), its link, its Danish time, and the pager.</summary>
public sealed class CompanyTimelineTests : ComponentTest
{
    private static readonly Guid CompanyId = Guid.NewGuid();
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 11, 0, 0, TimeSpan.Zero);

    private static TimelineEntry Contact(DateOnly? followUp = null)
    {
        var id = Guid.NewGuid();
        return new(TimelineEntryKind.Contact, id, Noon, Contact: new ContactLogView(id, CompanyId, "konsulent", Noon, ContactChannel.Phone, "Talte om praktik.", null, followUp, false));
    }

    private static TimelineEntry Vacancy(int positions = 3)
    {
        var id = Guid.NewGuid();
        return new(TimelineEntryKind.Vacancy, id, Noon, Vacancy: new VacancyView(
            id, CompanyId, Guid.NewGuid(), OfferKind.Internship, "512010", "Bagerlærling", "", positions, 37m, new DateOnly(2026, 4, 1), null, [], VacancyStatus.Open, Noon, Noon, 1));
    }

    private static PlacementView Placement() => new(
        Guid.NewGuid(), 1, CompanyId, Guid.NewGuid(), null, "K-0042", null, OfferKind.WageSubsidy, null,
        new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 30), new DateOnly(2026, 4, 6), null, PlacementStatus.Active, null, null, null, Noon);

    private static TimelineEntry Outcome(PlacementView placement, int monthsAfterEnd, EndResult? result, bool? selfSupporting)
        => new(TimelineEntryKind.Outcome, Guid.NewGuid(), Noon, Placement: placement,
            Outcome: new OutcomeView(Guid.NewGuid(), placement.Id, monthsAfterEnd, result, selfSupporting, null, Noon, "manuel"));

    private static TimelineEntry Pledge()
    {
        var id = Guid.NewGuid();
        return new(TimelineEntryKind.Pledge, id, Noon, Pledge: new PledgeView(
            id, CompanyId, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 2, 4, 1, 0, 1, 3, [], null, Noon, "konsulent", 1));
    }

    private IRenderedComponent<CompanyTimeline> Render(IReadOnlyList<TimelineEntry> entries, int totalCount, int current = 1, Guid? logged = null)
        => Render<CompanyTimeline>(p => p
            .Add(x => x.Entries, new Page<TimelineEntry>(entries, totalCount, (current - 1) * 20))
            .Add(x => x.Current, current)
            .Add(x => x.Href, page => $"/virksomheder/{CompanyId}?side={page}#tidslinje")
            .Add(x => x.Logged, logged));

    private static IElement Entry(IRenderedComponent<CompanyTimeline> timeline, TimelineEntry entry)
        => timeline.FindAll("li.timeline-entry")[timeline.Instance.Entries.Items.ToList().IndexOf(entry)];

    [Fact]
    public void An_empty_timeline_says_so_and_has_no_pager()
    {
        var timeline = Render([], totalCount: 0);

        Assert.StartsWith("Der er intet i virksomhedens tidslinje endnu.", timeline.Find("[data-testid=timeline-empty]").TextContent, StringComparison.Ordinal);
        Assert.Empty(timeline.FindAll("[data-testid=pager]"));
    }

    [Fact]
    public void The_count_has_Danish_thousands_and_the_pager_pages_by_twenty_in_the_query_string()
    {
        var timeline = Render([Contact()], totalCount: 1234, current: 2);

        Assert.Equal("1.234 hændelser, nyeste først", timeline.Find("section > p").TextContent);
        var pager = timeline.Find("[data-testid=pager]");
        Assert.Equal("Sider i tidslinjen", pager.GetAttribute("aria-label"));
        Assert.Equal("Side 2 af 62", pager.QuerySelector(".pagination-mobile")!.TextContent);
        Assert.Equal($"/virksomheder/{CompanyId}?side=3#tidslinje", pager.QuerySelector("a.button-next")!.GetAttribute("href"));
    }

    [Fact]
    public void Each_kind_reads_in_Danish_and_links_to_its_page_where_it_has_one()
    {
        var placement = Placement();
        var contact = Contact(followUp: new DateOnly(2026, 3, 24));
        var vacancy = Vacancy();
        var proposed = new TimelineEntry(TimelineEntryKind.Placement, placement.Id, Noon, Placement: placement);
        var pledge = Pledge();
        var outcome = Outcome(placement, monthsAfterEnd: 0, EndResult.OrdinaryJob, null);
        var timeline = Render([contact, vacancy, proposed, pledge, outcome], totalCount: 5);

        Assert.Equal("Kontakt: Telefon", Entry(timeline, contact).QuerySelector(".timeline-label")!.TextContent);
        Assert.Empty(Entry(timeline, contact).QuerySelectorAll("a"));
        Assert.Equal("Talte om praktik. Opfølgning 24.03.2026.", Entry(timeline, contact).QuerySelector(".timeline-detail")!.TextContent);

        Assert.Equal("Stilling oprettet: Bagerlærling", Entry(timeline, vacancy).QuerySelector(".timeline-label")!.TextContent);
        Assert.Equal($"/opslag/{vacancy.Id}", Entry(timeline, vacancy).QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("virksomhedspraktik, 3 stillinger, åben", Entry(timeline, vacancy).QuerySelector(".timeline-detail")!.TextContent);
        var single = Vacancy(positions: 1);
        Assert.Equal("virksomhedspraktik, 1 stilling, åben", Entry(Render([single], totalCount: 1), single).QuerySelector(".timeline-detail")!.TextContent);

        Assert.Equal("Forløb foreslået: løntilskud", Entry(timeline, proposed).QuerySelector(".timeline-label")!.TextContent);
        Assert.Equal($"/forloeb/{placement.Id}", Entry(timeline, proposed).QuerySelector("a")!.GetAttribute("href"));
        // The actual start when there is one, the planned end until it has ended.
        Assert.Equal("K-0042, 06.04.2026–30.09.2026, i gang", Entry(timeline, proposed).QuerySelector(".timeline-detail")!.TextContent);

        Assert.Equal("Tilsagn for 01.01.2026–31.12.2026", Entry(timeline, pledge).QuerySelector(".timeline-label")!.TextContent);
        Assert.Equal(
            "2 ordinære job, 4 praktikpladser, 1 løntilskudsjob, 0 voksenlærlinge, 1 fleksjob, 3 mentorer",
            Entry(timeline, pledge).QuerySelector(".timeline-detail")!.TextContent);

        // An outcome leads to its placement's page, not to a page of its own.
        Assert.Equal("Resultat ved afslutning: ordinært job", Entry(timeline, outcome).QuerySelector(".timeline-label")!.TextContent);
        Assert.Equal($"/forloeb/{placement.Id}", Entry(timeline, outcome).QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("K-0042, løntilskud", Entry(timeline, outcome).QuerySelector(".timeline-detail")!.TextContent);

        Assert.Equal(["Contact", "Vacancy", "Placement", "Pledge", "Outcome"], timeline.FindAll("li").Select(li => li.GetAttribute("data-kind")));
    }

    [Fact]
    public void Follow_ups_say_how_many_months_after_and_whether_the_citizen_supports_themself()
    {
        var placement = Placement();
        var sixMonths = Outcome(placement, monthsAfterEnd: 6, null, selfSupporting: true);
        var twelveMonths = Outcome(placement, monthsAfterEnd: 12, null, selfSupporting: false);
        var atEndUnknown = Outcome(placement, monthsAfterEnd: 0, null, null);
        var timeline = Render([sixMonths, twelveMonths, atEndUnknown], totalCount: 3);

        Assert.Equal("Opfølgning 6 mdr. efter: selvforsørgende", Entry(timeline, sixMonths).QuerySelector(".timeline-label")!.TextContent);
        Assert.Equal("Opfølgning 12 mdr. efter: ikke selvforsørgende", Entry(timeline, twelveMonths).QuerySelector(".timeline-label")!.TextContent);
        Assert.Equal("Resultat ved afslutning: –", Entry(timeline, atEndUnknown).QuerySelector(".timeline-label")!.TextContent);
    }

    [Fact]
    public void Times_are_shown_in_Danish_time_with_the_exact_instant_in_the_datetime_attribute()
    {
        // 22:30 UTC on 30 June is 00:30 on 1 July in Copenhagen (summer time).
        var late = new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero);
        var entry = Vacancy() with { At = late };
        var winter = Contact() with { At = new DateTimeOffset(2026, 1, 15, 8, 5, 0, TimeSpan.Zero) };
        var timeline = Render([entry, winter], totalCount: 2);

        var time = Entry(timeline, entry).QuerySelector("time")!;
        Assert.Equal("01.07.2026 00.30", time.TextContent);
        Assert.Equal("2026-06-30T22:30:00.0000000Z", time.GetAttribute("datetime"));
        Assert.Equal("15.01.2026 09.05", Entry(timeline, winter).QuerySelector("time")!.TextContent);
    }

    [Fact]
    public void A_contact_just_logged_is_confirmed_and_marked_as_new()
    {
        var logged = Contact();
        var older = Contact();
        var timeline = Render([logged, older], totalCount: 2, logged: logged.Id);

        var confirmation = timeline.Find("[data-testid=contact-logged]");
        Assert.Equal("status", confirmation.GetAttribute("role"));
        Assert.Equal("Kontakten er registreret og står øverst i tidslinjen.", confirmation.TextContent.Trim());
        Assert.Contains("timeline-entry--new", Entry(timeline, logged).ClassList);
        Assert.DoesNotContain("timeline-entry--new", Entry(timeline, older).ClassList);
    }

    [Fact]
    public void Without_a_contact_just_logged_there_is_no_confirmation()
        => Assert.Empty(Render([Contact()], totalCount: 1).FindAll("[data-testid=contact-logged], .timeline-entry--new"));

    [Fact]
    public void In_English_the_entries_read_in_English_with_Danish_dates()
    {
        InEnglish();
        var contact = Contact(followUp: new DateOnly(2026, 3, 24));
        var vacancy = Vacancy();
        var timeline = Render([contact, vacancy], totalCount: 2);

        Assert.Equal("Timeline", timeline.Find("h2").TextContent);
        Assert.Equal("2 events, newest first", timeline.Find("section > p").TextContent);
        Assert.Equal("Contact: Phone", Entry(timeline, contact).QuerySelector(".timeline-label")!.TextContent);
        Assert.Equal("Talte om praktik. Follow up 24.03.2026.", Entry(timeline, contact).QuerySelector(".timeline-detail")!.TextContent);
        Assert.Equal("Vacancy created: Bagerlærling", Entry(timeline, vacancy).QuerySelector(".timeline-label")!.TextContent);
        Assert.Equal("internship, 3 positions, open", Entry(timeline, vacancy).QuerySelector(".timeline-detail")!.TextContent);
    }
}
