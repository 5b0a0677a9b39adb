using System.Data.Common;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.ContactLogs;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Pledges;
using CrmAlliance.Api.Features.Timeline;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmAlliance.IntegrationTests.Timeline;

/// <summary>A company's one timeline on a real SQLite database: order, paging, what each role sees, and its round trips.</summary>
public sealed class CompanyTimelineTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Actor Consultant(string id = "consultant-1") => new(id, id + "@test.local", Role.Consultant, null);

    private static Actor CompanyUser(Guid companyId) => new("company-user", "user@test.local", Role.Company, companyId);

    [Fact]
    public async Task Staff_see_every_kind_newest_first_in_pages()
    {
        var history = await ArrangeHistoryAsync();

        var first = await TimelineAsync(history.CompanyId, new PageRequest(3), Consultant("another-consultant"));
        var second = await TimelineAsync(history.CompanyId, new PageRequest(3, Cursor.Encode(2)), Consultant("another-consultant"));
        var third = await TimelineAsync(history.CompanyId, new PageRequest(3, Cursor.Encode(5)), Consultant("another-consultant"));

        Assert.Equal(7, first.TotalCount);
        Assert.Equal(
            [
                (TimelineEntryKind.Outcome, T0.AddDays(6)), (TimelineEntryKind.Outcome, T0.AddDays(5)), (TimelineEntryKind.Contact, T0.AddDays(4)),
                (TimelineEntryKind.Pledge, T0.AddDays(3)), (TimelineEntryKind.Placement, T0.AddDays(2)), (TimelineEntryKind.Vacancy, T0.AddDays(1)),
                (TimelineEntryKind.Contact, T0),
            ],
            first.Items.Concat(second.Items).Concat(third.Items).Select(e => (e.Kind, e.At)));
        Assert.True(first.HasNextPage);
        Assert.False(third.HasNextPage);

        var entries = first.Items.Concat(second.Items).Concat(third.Items).ToList();
        Assert.Equal("Ringede om praktik", entries[2].Contact!.Summary);
        Assert.Equal("Intern bemærkning", entries[3].Pledge!.Note);
        Assert.Equal(history.CandidateId, entries[4].Placement!.Candidate!.Id);
        Assert.Equal("Lagermedarbejder", entries[5].Vacancy!.Title);
        Assert.Equal(12, entries[0].Outcome!.MonthsAfterEnd);
        Assert.Equal(history.PlacementId, entries[0].Placement!.Id);
    }

    [Fact]
    public async Task A_company_user_sees_its_own_timeline_without_contact_logs_outcomes_notes_or_candidates()
    {
        var history = await ArrangeHistoryAsync();

        var page = await TimelineAsync(history.CompanyId, new PageRequest(50), CompanyUser(history.CompanyId));

        Assert.Equal([TimelineEntryKind.Pledge, TimelineEntryKind.Placement, TimelineEntryKind.Vacancy], page.Items.Select(e => e.Kind));
        Assert.Equal(3, page.TotalCount);
        Assert.Null(page.Items[0].Pledge!.Note);
        Assert.Null(page.Items[1].Placement!.Candidate);
        Assert.Equal("Kandidat TL", page.Items[1].Placement!.CandidateAlias);
    }

    [Fact]
    public async Task A_company_user_asking_for_another_company_is_refused()
    {
        var history = await ArrangeHistoryAsync();
        var other = await ArrangeHistoryAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => TimelineAsync(other.CompanyId, new PageRequest(), CompanyUser(history.CompanyId)));
    }

    [Fact]
    public async Task An_unknown_company_is_not_found()
        => await Assert.ThrowsAsync<NotFoundException>(() => TimelineAsync(Guid.CreateVersion7(), new PageRequest(), Consultant()));

    [Fact]
    public async Task A_page_costs_the_same_round_trips_however_many_entries_it_holds()
    {
        var history = await ArrangeHistoryAsync(extraContacts: 60);

        var small = await CountRoundTripsAsync(history.CompanyId, new PageRequest(7));
        var large = await CountRoundTripsAsync(history.CompanyId, new PageRequest(50));

        // Company check, count, keys, then one read per kind on the page (contacts, vacancies, pledges, outcomes, placements).
        Assert.Equal(8, small);
        Assert.Equal(small, large);
    }

    private async Task<Page<TimelineEntry>> TimelineAsync(Guid companyId, PageRequest page, Actor actor)
    {
        await using var db = factory.NewDbContext();
        return await NewQuery(db).GetAsync(companyId, page, actor, CancellationToken.None);
    }

    private async Task<int> CountRoundTripsAsync(Guid companyId, PageRequest page)
    {
        var counter = new RoundTrips();
        _ = factory.Services;
        await using var db = new SqliteCrmDbContext(new DbContextOptionsBuilder<SqliteCrmDbContext>()
            .UseSqlite(factory.NewDbContext().Database.GetConnectionString()).AddInterceptors(counter).Options);
        var result = await NewQuery(db).GetAsync(companyId, page, Consultant(), CancellationToken.None);
        Assert.Equal(page.Size, result.Items.Count);
        return counter.Count;
    }

    private static CompanyTimelineQuery NewQuery(CrmDbContext db)
        => new(new CompanyQueries(db), new ContactLogQueries(db, TimeProvider.System), new VacancyQueries(db), new PlacementQueries(db), new PledgeQueries(db), new OutcomeQueries(db));

    private sealed record History(Guid CompanyId, Guid PlacementId, Guid CandidateId);

    /// <summary>One of each kind a day apart (a contact first and last but for the outcomes), and <paramref name="extraContacts"/> older contacts.</summary>
    private async Task<History> ArrangeHistoryAsync(int extraContacts = 0)
    {
        await using var db = factory.NewDbContext();
        var company = new Company { Cvr = TestData.NewCvr(), Name = "Tidslinje ApS", IndustryCode = "620100", Address = "Boulevarden 1", Postcode = "9000", CreatedAt = T0 };
        var workplace = new Workplace { CompanyId = company.Id, PNumber = TestData.NewPNumber(), Name = "Hovedkontor", Address = "Boulevarden 1", Postcode = "9000", OrdinaryEmployees = 10, EmployeesReportedFor = new DateOnly(2026, 2, 1) };
        var candidate = new Candidate { CaseReference = TestData.NewCaseReference(), DisplayAlias = "Kandidat TL", Postcode = "9000", CreatedAt = T0, UpdatedAt = T0 };
        company.Workplaces.Add(workplace);
        db.AddRange(company, candidate);
        db.ContactLogs.Add(new ContactLog { CompanyId = company.Id, ConsultantId = "consultant-1", OccurredAt = T0, Channel = ContactChannel.Visit, Summary = "Første besøg" });
        var vacancy = new Vacancy { CompanyId = company.Id, WorkplaceId = workplace.Id, OfferKind = OfferKind.OrdinaryJob, OccupationCode = "9321", Title = "Lagermedarbejder", StartDate = new DateOnly(2026, 4, 1), CreatedAt = T0.AddDays(1) };
        db.Vacancies.Add(vacancy);
        var placement = new Placement
        {
            CandidateId = candidate.Id,
            CompanyId = company.Id,
            WorkplaceId = workplace.Id,
            OfferKind = OfferKind.Internship,
            Purpose = InternshipPurpose.Hiring,
            PlannedStart = new DateOnly(2026, 3, 9),
            PlannedEnd = new DateOnly(2026, 4, 3),
            Status = PlacementStatus.Completed,
            ProposedBy = "consultant-1",
            CreatedAt = T0.AddDays(2),
        };
        db.Placements.Add(placement);
        db.Pledges.Add(new Pledge { CompanyId = company.Id, PeriodStart = new DateOnly(2026, 1, 1), PeriodEnd = new DateOnly(2026, 12, 31), Internships = 4, Note = "Intern bemærkning", RecordedAt = T0.AddDays(3), RecordedBy = "consultant-1" });
        db.ContactLogs.Add(new ContactLog { CompanyId = company.Id, ConsultantId = "consultant-1", OccurredAt = T0.AddDays(4), Channel = ContactChannel.Phone, Summary = "Ringede om praktik" });
        db.Outcomes.Add(new Outcome { PlacementId = placement.Id, MonthsAfterEnd = 0, EndResult = EndResult.OrdinaryJob, RecordedAt = T0.AddDays(5), RecordedBy = "consultant-1", Source = "consultant" });
        db.Outcomes.Add(new Outcome { PlacementId = placement.Id, MonthsAfterEnd = 12, SelfSupporting = true, RecordedAt = T0.AddDays(6), RecordedBy = "consultant-1", Source = "consultant" });
        for (var i = 1; i <= extraContacts; i++)
        {
            db.ContactLogs.Add(new ContactLog { CompanyId = company.Id, ConsultantId = "consultant-2", OccurredAt = T0.AddDays(-i), Channel = ContactChannel.Email, Summary = $"Mail {i}" });
        }

        await db.SaveChangesAsync();
        return new History(company.Id, placement.Id, candidate.Id);
    }

    private sealed class RoundTrips : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
