using System.Globalization;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.ContactLogs;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Pledges;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Data.Bulk;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.DataGeneration;

/// <summary>The bulk path stores every column exactly as EF's SaveChanges does: same stored types, same values.</summary>
public sealed class BulkWriterTests : IDisposable
{
    private readonly CrmApiFactory factory = new();

    [Fact]
    public async Task Rows_written_in_bulk_are_stored_byte_for_byte_like_rows_saved_by_EF_and_read_back_equal()
    {
        // Two copies of each row, differing only in keys: one saved by EF, one written in bulk.
        var (viaEf, viaBulk) = (new TestRows(), new TestRows());
        await using (var db = factory.NewDbContext())
        {
            db.AddRange(viaEf.All);
            await db.SaveChangesAsync();
        }

        await using (var db = factory.NewDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            using var writer = new BulkWriter(db);
            var companies = writer.Table<Company>();
            var tables = new Dictionary<Type, BulkTable>
            {
                [typeof(ApplicationUser)] = writer.Table<ApplicationUser>(),
                [typeof(Company)] = companies,
                [typeof(Workplace)] = writer.Table<Workplace>(companies),
                [typeof(CompanyContact)] = writer.Table<CompanyContact>(companies),
                [typeof(Candidate)] = writer.Table<Candidate>(),
                [typeof(Vacancy)] = writer.Table<Vacancy>(companies),
                [typeof(Pledge)] = writer.Table<Pledge>(companies),
                [typeof(ContactLog)] = writer.Table<ContactLog>(companies),
            };
            tables[typeof(Placement)] = writer.Table<Placement>(tables[typeof(Candidate)], tables[typeof(Vacancy)], tables[typeof(Workplace)]);
            tables[typeof(Outcome)] = writer.Table<Outcome>(tables[typeof(Placement)]);
            tables[typeof(RuleExemption)] = writer.Table<RuleExemption>(tables[typeof(Placement)]);
            foreach (var row in viaBulk.All)
            {
                await tables[row.GetType()].AddAsync(row, CancellationToken.None);
            }

            await writer.FlushAsync(CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var check = factory.NewDbContext();
        foreach (var table in new[] { "AspNetUsers", "Companies", "Workplaces", "CompanyContacts", "Candidates", "Vacancies", "Pledges", "ContactLogs", "Placements", "Outcomes", "RuleExemptions" })
        {
            var rows = await RawRowsAsync(check, table);
            Assert.Equal(2, rows.Count);
            Assert.Equal(rows[0], rows[1]);
        }

        Assert.Equivalent(viaBulk.Placement, await check.Placements.AsNoTracking().Include(p => p.Exemptions).SingleAsync(p => p.Id == viaBulk.Placement.Id), strict: true);
        Assert.Equivalent(viaBulk.Candidate, await check.Candidates.AsNoTracking().SingleAsync(c => c.Id == viaBulk.Candidate.Id), strict: true);
        Assert.Equivalent(viaBulk.Pledge, await check.Pledges.AsNoTracking().SingleAsync(p => p.Id == viaBulk.Pledge.Id), strict: true);
        Assert.Equivalent(viaBulk.Vacancy, await check.Vacancies.AsNoTracking().SingleAsync(v => v.Id == viaBulk.Vacancy.Id), strict: true);
    }

    public void Dispose() => factory.Dispose();

    /// <summary>Every column of the table's rows except keys and references, with the type SQLite stored it as.</summary>
    private static async Task<List<string>> RawRowsAsync(CrmDbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE {(table == "AspNetUsers" ? "\"Email\" LIKE '%@bulk.example'" : "1 = 1")}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var cells = Enumerable.Range(0, reader.FieldCount)
                .Where(i => !IsKeyOrReference(reader.GetName(i)))
                .Select(i => $"{reader.GetName(i)}={reader.GetValue(i).GetType().Name}:{Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}");
            rows.Add(string.Join(" | ", cells));
        }

        return rows;
    }

    private static bool IsKeyOrReference(string column)
        => column is "Id" or "CompanyId" or "WorkplaceId" or "CandidateId" or "VacancyId" or "PlacementId" or "UserName" or "NormalizedUserName" or "Email" or "NormalizedEmail" or "Cvr" or "PNumber" or "CaseReference";

    /// <summary>One row of every generated table, with nulls, owned types, enums, decimals, dates and lists filled in.</summary>
    private sealed class TestRows
    {
        // Both copies name the same (unreferenced) consultant, so that only keys and unique codes differ.
        private const string ConsultantId = "0196b3a2-0000-7000-8000-000000000001";

        public TestRows()
        {
            var at = new DateTimeOffset(2026, 3, 2, 9, 30, 15, TimeSpan.FromHours(1)).AddTicks(1234);
            var email = $"{Guid.NewGuid():N}@bulk.example";
            User = new ApplicationUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = "Bulk Konsulent", CreatedAt = at, SecurityStamp = "ABC", ConcurrencyStamp = "def", LockoutEnabled = true };
            Company = new Company { Cvr = TestData.NewCvr(), Name = "Bulk ApS", IndustryCode = "412000", Address = "Vej 1", Postcode = "9000", Sector = Sector.Public, MembershipStatus = MembershipStatus.Paused, JoinedOn = new DateOnly(2020, 2, 29), ResponsibleConsultantId = ConsultantId, CreatedAt = at, Version = 3 };
            Workplace = new Workplace { CompanyId = Company.Id, PNumber = TestData.NewPNumber(), Name = "Bulk", Address = "Vej 1", Postcode = "9000", OrdinaryEmployees = 12, EmployeesReportedFor = new DateOnly(2026, 2, 1), AverageEmployees12Months = 11.5m };
            Contact = new CompanyContact { CompanyId = Company.Id, Name = "Rep", JobTitle = null, Email = "rep@bulk.example", Phone = "+45 98 12 34 56", IsEmployeeRepresentative = true };
            Candidate = new Candidate { CaseReference = TestData.NewCaseReference(), DisplayAlias = "Kandidat 1A2B", TargetGroup = TargetGroup.NewGraduate, SoughtOccupations = ["2512", "2514"], Skills = ["C#", "\"quoted\" æøå"], EducationLevel = EducationLevel.MasterOrHigher, HasWorkExperience = false, Postcode = "9220", AvailableFrom = new DateOnly(2026, 1, 5), LastEmployerCvr = null, CreatedAt = at, UpdatedAt = at.AddDays(3), WithdrawnAt = at.AddDays(30), WithdrawalReason = "Fandt selv job", Version = 2 };
            Vacancy = new Vacancy { CompanyId = Company.Id, WorkplaceId = Workplace.Id, OfferKind = OfferKind.WageSubsidy, OccupationCode = "2512", Title = "Løntilskud", Description = "Tekst", Positions = 2, HoursPerWeek = 37.5m, StartDate = new DateOnly(2026, 4, 1), ApplicationDeadline = null, RequiredSkills = [], Status = VacancyStatus.Filled, CreatedAt = at, PublishedAt = null, Version = 2 };
            Placement = new Placement
            {
                CandidateId = Candidate.Id,
                CompanyId = Company.Id,
                WorkplaceId = Workplace.Id,
                VacancyId = Vacancy.Id,
                OfferKind = OfferKind.WageSubsidy,
                Purpose = null,
                PlannedStart = new DateOnly(2026, 4, 1),
                PlannedEnd = new DateOnly(2026, 9, 30),
                ActualStart = new DateOnly(2026, 4, 2),
                ActualEnd = new DateOnly(2026, 7, 1),
                Status = PlacementStatus.EndedEarly,
                EndReason = "Syg",
                ProposedBy = ConsultantId,
                CreatedAt = at,
                Version = 6,
                EmployeeRepStatement = new EmployeeRepStatement { RepresentativeName = "Rep", GivenOn = new DateOnly(2026, 3, 20), IsPositive = true, Comment = null, RecordedBy = ConsultantId },
                WageSubsidyConfirmation = new WageSubsidyConfirmation { HeadcountLastMonth = 12, AverageHeadcount12Months = 11.25m, NoDismissalWithin3Months = true, ConfirmedBy = ConsultantId, ConfirmedAt = at.AddDays(1) },
            };
            Exemption = new RuleExemption { PlacementId = Placement.Id, Rule = PlacementRule.MaximumDuration, Reason = "Forlænget", RecordedBy = ConsultantId, RecordedAt = at };
            Placement.Exemptions.Add(Exemption);
            Outcome = new Outcome { PlacementId = Placement.Id, MonthsAfterEnd = 3, EndResult = null, SelfSupporting = false, RecordedAt = at.AddMonths(4), RecordedBy = ConsultantId, Source = "DREAM (import)" };
            Pledge = new Pledge { CompanyId = Company.Id, PeriodStart = new DateOnly(2026, 1, 1), PeriodEnd = new DateOnly(2026, 12, 31), Internships = 3, FlexJobs = 1, TargetGroups = [TargetGroup.Integration, TargetGroup.InsuredUnemployed], Note = null, RecordedAt = at, RecordedBy = ConsultantId };
            ContactLog = new ContactLog { CompanyId = Company.Id, ConsultantId = ConsultantId, OccurredAt = at, Channel = ContactChannel.Visit, Summary = "Besøg", Outcome = null, FollowUpOn = new DateOnly(2026, 5, 1), FollowUpDone = true };
        }

        public ApplicationUser User { get; }

        public Company Company { get; }

        public Workplace Workplace { get; }

        public CompanyContact Contact { get; }

        public Candidate Candidate { get; }

        public Vacancy Vacancy { get; }

        public Placement Placement { get; }

        public RuleExemption Exemption { get; }

        public Outcome Outcome { get; }

        public Pledge Pledge { get; }

        public ContactLog ContactLog { get; }

        public IReadOnlyList<object> All => [User, Company, Workplace, Contact, Candidate, Vacancy, Placement, Exemption, Outcome, Pledge, ContactLog];
    }
}
