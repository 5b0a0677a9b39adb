using System.Text.Json.Nodes;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Companies.Import;
using CrmAlliance.Api.Infrastructure.Csv;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Companies;

public class ImportCompaniesTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const string Import = """
        mutation($input: ImportCompaniesInput!) {
          importCompanies(input: $input) {
            dryRun committed separator lineCount rejectedLineCount
            companies { created updated unchanged }
            workplaces { created updated unchanged }
            contacts { created updated unchanged }
            rejections { line cvr field reason }
          }
        }
        """;

    private const string Header = "cvr,name,industryCode,address,postcode,sector,membershipStatus,joinedOn,pNumber,workplaceName,workplaceAddress,workplacePostcode,ordinaryEmployees,employeesReportedFor,averageEmployees12Months,contactName,contactEmail,contactIsEmployeeRepresentative";

    /// <summary>Two companies: the first with two workplaces and two contacts over three lines, the second with one of each.</summary>
    private static (string Csv, string Steel, string Bakery, string[] PNumbers) TwoCompanies()
    {
        var (steel, bakery) = (TestData.NewCvr(), TestData.NewCvr());
        var p = new[] { TestData.NewPNumber(), TestData.NewPNumber(), TestData.NewPNumber() };
        var csv = $"""
            {Header}
            {steel},Nordjysk Stål A/S,251100,Hjulmagervej 12,9000,private,active,2019-03-01,{p[0]},Værkstedet,Hjulmagervej 12,9000,42,2026-02,40.5,Hanne Kjær,hk@nordjysk-staal.example,no
            {steel},Nordjysk Stål A/S,251100,Hjulmagervej 12,9000,private,active,2019-03-01,{p[1]},Lager Nørresundby,Thistedvej 80,9400,8,2026-02,8,Jens Thomsen,,yes
            {steel},Nordjysk Stål A/S,251100,Hjulmagervej 12,9000,private,active,2019-03-01,{p[0]},Værkstedet,Hjulmagervej 12,9000,42,2026-02,40.5,,,
            {bakery},Limfjordens Bageri ApS,107100,Vesterbro 2,9000,private,,,{p[2]},Bageriet,Vesterbro 2,9000,6,2026-02,5.5,Line Møller,line@limfjordens-bageri.example,
            """;
        return (csv, steel, bakery, p);
    }

    private static async Task<JsonNode> ImportAsync(GraphQLClient client, string csv, bool? dryRun = null)
        => (await client.QueryAsync(Import, new { input = new { csv, dryRun } }))["importCompanies"]!;

    private static int[] Counts(JsonNode report, string kind)
        => [report[kind]!["created"]!.GetValue<int>(), report[kind]!["updated"]!.GetValue<int>(), report[kind]!["unchanged"]!.GetValue<int>()];

    [Fact]
    public async Task A_valid_file_creates_the_companies_with_their_workplaces_and_contacts()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var (csv, steel, bakery, p) = TwoCompanies();

        var report = await ImportAsync(consultant.Client, csv);

        Assert.True(report["committed"]!.GetValue<bool>());
        Assert.Equal(4, report["lineCount"]!.GetValue<int>());
        Assert.Equal([2, 0, 0], Counts(report, "companies"));
        Assert.Equal([3, 0, 0], Counts(report, "workplaces"));
        Assert.Equal([3, 0, 0], Counts(report, "contacts"));
        await using var db = factory.NewDbContext();
        var stored = await db.Companies.Include(c => c.Workplaces).Include(c => c.Contacts).SingleAsync(c => c.Cvr == steel);
        Assert.Equal(("Nordjysk Stål A/S", MembershipStatus.Active, new DateOnly(2019, 3, 1)), (stored.Name, stored.MembershipStatus, stored.JoinedOn));
        Assert.Equal([p[0], p[1]], stored.Workplaces.Select(w => w.PNumber).Order());
        Assert.Equal(40.5m, stored.Workplaces.Single(w => w.PNumber == p[0]).AverageEmployees12Months);
        Assert.True(stored.Contacts.Single(c => c.Name == "Jens Thomsen").IsEmployeeRepresentative);
        Assert.Equal(MembershipStatus.Prospect, (await db.Companies.SingleAsync(c => c.Cvr == bakery)).MembershipStatus);
    }

    [Fact]
    public async Task The_same_file_again_updates_nothing_and_creates_no_duplicates()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var (csv, steel, bakery, _) = TwoCompanies();
        await ImportAsync(consultant.Client, csv);

        var again = await ImportAsync(consultant.Client, csv);

        Assert.Equal([0, 0, 2], Counts(again, "companies"));
        Assert.Equal([0, 0, 3], Counts(again, "workplaces"));
        Assert.Equal([0, 0, 3], Counts(again, "contacts"));
        await using var db = factory.NewDbContext();
        var companyIds = await db.Companies.Where(c => c.Cvr == steel || c.Cvr == bakery).Select(c => c.Id).ToListAsync();
        Assert.Equal(2, companyIds.Count);
        Assert.Equal(3, await db.Workplaces.CountAsync(w => companyIds.Contains(w.CompanyId)));
        Assert.Equal(3, await db.CompanyContacts.CountAsync(c => companyIds.Contains(c.CompanyId)));
    }

    [Fact]
    public async Task A_changed_file_updates_the_known_company_workplace_and_contact_in_place()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var (csv, steel, _, p) = TwoCompanies();
        await ImportAsync(consultant.Client, csv);
        var changed = $"""
            cvr,name,industryCode,address,postcode,sector,pNumber,workplaceName,workplaceAddress,workplacePostcode,ordinaryEmployees,employeesReportedFor,averageEmployees12Months,contactName,contactEmail,contactJobTitle
            {steel},Nordjysk Stål & Smedie A/S,251100,Hjulmagervej 14,9000,private,{p[0]},Værkstedet,Hjulmagervej 14,9000,45,2026-03,41,Hanne Kjær-Nielsen,HK@nordjysk-staal.example,HR-chef
            """;

        var report = await ImportAsync(consultant.Client, changed);

        Assert.Equal([0, 1, 0], Counts(report, "companies"));
        Assert.Equal([0, 1, 0], Counts(report, "workplaces"));
        Assert.Equal([0, 1, 0], Counts(report, "contacts"));
        await using var db = factory.NewDbContext();
        var stored = await db.Companies.Include(c => c.Workplaces).Include(c => c.Contacts).SingleAsync(c => c.Cvr == steel);
        Assert.Equal(("Nordjysk Stål & Smedie A/S", 2), (stored.Name, stored.Version));
        Assert.Equal((MembershipStatus.Active, new DateOnly(2019, 3, 1)), (stored.MembershipStatus, stored.JoinedOn));
        Assert.Equal((45, new DateOnly(2026, 3, 1)), stored.Workplaces.Where(w => w.PNumber == p[0]).Select(w => (w.OrdinaryEmployees, w.EmployeesReportedFor)).Single());
        var hanne = Assert.Single(stored.Contacts, c => c.Name.StartsWith("Hanne", StringComparison.Ordinal));
        Assert.Equal(("Hanne Kjær-Nielsen", "HR-chef", "HK@nordjysk-staal.example"), (hanne.Name, hanne.JobTitle, hanne.Email));
    }

    [Fact]
    public async Task One_bad_line_among_good_ones_writes_nothing_and_the_report_names_the_line_and_field()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var (csv, steel, bakery, _) = TwoCompanies();
        var badCvr = TestData.NewCvr();
        csv += $"\n{badCvr},Fejl ApS,999999,Vej 1,9000,private,,,,,,,,,,,,";

        var report = await ImportAsync(consultant.Client, csv);

        Assert.False(report["committed"]!.GetValue<bool>());
        Assert.Equal(1, report["rejectedLineCount"]!.GetValue<int>());
        var rejection = Assert.Single(report["rejections"]!.AsArray())!;
        Assert.Equal((6, badCvr, "industryCode"), (rejection["line"]!.GetValue<int>(), rejection["cvr"]!.GetValue<string>(), rejection["field"]!.GetValue<string>()));
        Assert.Contains("999999", rejection["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([0, 0, 0], Counts(report, "companies"));
        await using var db = factory.NewDbContext();
        Assert.False(await db.Companies.AnyAsync(c => c.Cvr == steel || c.Cvr == bakery || c.Cvr == badCvr));
    }

    [Fact]
    public async Task A_semicolon_file_with_BOM_Danish_headings_and_decimal_commas_is_imported()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var (cvr, p) = (TestData.NewCvr(), TestData.NewPNumber());
        var csv = "\uFEFFCVR-nummer;Navn;Branchekode;Adresse;Postnummer;Sektor;P-nummer;Arbejdssted;Arbejdsstedets adresse;Arbejdsstedets postnummer;Ordinært ansatte;Ansatte opgjort for;Gennemsnit 12 måneder\r\n"
            + $"{cvr};Plejecenter Solkrogen;871000;Solkrogen 3;9210;offentlig;{p};Plejecenter Solkrogen;Solkrogen 3;9210;37;01-02-2026;36,75\r\n";

        var report = await ImportAsync(consultant.Client, csv);

        Assert.Equal(";", report["separator"]!.GetValue<string>());
        Assert.True(report["committed"]!.GetValue<bool>(), report.ToJsonString());
        await using var db = factory.NewDbContext();
        var company = await db.Companies.Include(c => c.Workplaces).SingleAsync(c => c.Cvr == cvr);
        Assert.Equal(Sector.Public, company.Sector);
        Assert.Equal((36.75m, new DateOnly(2026, 2, 1)), (company.Workplaces[0].AverageEmployees12Months, company.Workplaces[0].EmployeesReportedFor));
    }

    [Fact]
    public async Task A_P_number_registered_to_another_company_is_rejected_naming_that_company()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var (csv, _, _, p) = TwoCompanies();
        await ImportAsync(consultant.Client, csv);
        var newcomer = TestData.NewCvr();
        var clash = $"""
            cvr,name,industryCode,address,postcode,sector,pNumber,workplaceName,workplaceAddress,workplacePostcode,ordinaryEmployees,employeesReportedFor,averageEmployees12Months
            {newcomer},Overtager ApS,251100,Vej 1,9000,private,{p[1]},Lager,Thistedvej 80,9400,8,2026-02,8
            """;

        var report = await ImportAsync(consultant.Client, clash);

        var rejection = Assert.Single(report["rejections"]!.AsArray())!;
        Assert.Equal((2, "pNumber"), (rejection["line"]!.GetValue<int>(), rejection["field"]!.GetValue<string>()));
        Assert.Contains("Nordjysk Stål A/S", rejection["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.False(await db.Companies.AnyAsync(c => c.Cvr == newcomer));
    }

    [Fact]
    public async Task Membership_and_the_responsible_consultant_are_set_from_the_file_and_kept_when_the_columns_are_absent()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var cvr = TestData.NewCvr();
        await ImportAsync(consultant.Client, $"cvr,name,industryCode,address,postcode,sector,membershipStatus,joinedOn,responsibleConsultantEmail\n{cvr},Medlem A/S,620100,Vej 1,9220,private,paused,15-08-2021,{consultant.Email.ToUpperInvariant()}\n");

        var report = await ImportAsync(consultant.Client, $"cvr,name,industryCode,address,postcode,sector\n{cvr},Medlem A/S,620100,Vej 1,9220,private\n");

        Assert.Equal([0, 0, 1], Counts(report, "companies"));
        await using var db = factory.NewDbContext();
        var company = await db.Companies.SingleAsync(c => c.Cvr == cvr);
        var consultantId = await db.Users.Where(u => u.Email == consultant.Email).Select(u => u.Id).SingleAsync();
        Assert.Equal((MembershipStatus.Paused, new DateOnly(2021, 8, 15), consultantId), (company.MembershipStatus, company.JoinedOn, company.ResponsibleConsultantId));
    }

    [Fact]
    public async Task An_unknown_consultant_and_a_member_without_joined_date_are_rejected()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var manager = await factory.CreateUserAsync("MANAGER");
        var cvr = TestData.NewCvr();

        var report = await ImportAsync(consultant.Client, $"cvr,name,industryCode,address,postcode,sector,membershipStatus,responsibleConsultantEmail\n{cvr},Medlem A/S,620100,Vej 1,9220,private,active,{manager.Email}\n");

        Assert.Equal(
            [(2, "responsibleConsultantEmail"), (2, "joinedOn")],
            report["rejections"]!.AsArray().Select(r => (r!["line"]!.GetValue<int>(), r["field"]!.GetValue<string>())));
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_happen_and_writes_nothing()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var (csv, steel, _, _) = TwoCompanies();

        var report = await ImportAsync(consultant.Client, csv, dryRun: true);

        Assert.True(report["dryRun"]!.GetValue<bool>());
        Assert.False(report["committed"]!.GetValue<bool>());
        Assert.Equal([2, 0, 0], Counts(report, "companies"));
        await using var db = factory.NewDbContext();
        Assert.False(await db.Companies.AnyAsync(c => c.Cvr == steel));
    }

    [Fact]
    public async Task A_file_with_an_unknown_column_is_refused_with_VALIDATION_on_csv()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");

        var response = await consultant.Client.SendAsync(Import, new { input = new { csv = "cvr,name,industryCode,address,postcode,sector,fax\n" } });

        response.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.csv"], response.Fields);
    }

    [Fact]
    public async Task A_file_over_20000_lines_is_refused_with_VALIDATION()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var csv = "cvr,name,industryCode,address,postcode,sector\n" + string.Concat(Enumerable.Repeat($"{TestData.NewCvr()},A ApS,620100,Vej 1,9000,private\n", 20_001));

        var response = await consultant.Client.SendAsync(Import, new { input = new { csv } });

        response.ShouldFailWith("VALIDATION");
        Assert.Contains("at most 20,000", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_initial_load_of_500_partners_with_two_workplaces_each_is_written_in_one_go()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var lines = Enumerable.Range(0, 500).SelectMany(i =>
        {
            var cvr = TestData.NewCvr();
            return new[] { TestData.NewPNumber(), TestData.NewPNumber() }.Select(p =>
                $"{cvr};Partner {i} ApS;620100;Vej {i};9000;privat;aktiv;2020-01-01;{p};Afdeling {p[^4..]};Vej {i};9000;12;2026-02;11,5;Kontakt {i};k{i}@partner.example;nej");
        });
        var csv = "cvr;name;industryCode;address;postcode;sector;membershipStatus;joinedOn;pNumber;workplaceName;workplaceAddress;workplacePostcode;ordinaryEmployees;employeesReportedFor;averageEmployees12Months;contactName;contactEmail;contactIsEmployeeRepresentative\n"
            + string.Join("\n", lines);

        var report = await ImportAsync(consultant.Client, csv);

        Assert.True(report["committed"]!.GetValue<bool>(), report["rejections"]!.ToJsonString());
        Assert.Equal([500, 0, 0], Counts(report, "companies"));
        Assert.Equal([1000, 0, 0], Counts(report, "workplaces"));
        Assert.Equal([500, 0, 0], Counts(report, "contacts"));
    }

    [Fact]
    public async Task An_import_reports_its_progress_phase_by_phase_in_steps_ending_at_the_total()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var progress = new ImportProgressRecorder();

        var report = await HandleAsync(consultant, PartnersFile(1_500), dryRun: false, progress);

        Assert.True(report.Committed, string.Join("\n", report.Rejections));
        progress.AssertMonotonic(ImportPhase.Reading, ImportPhase.Checking, ImportPhase.Saving);
        Assert.Equal(new ImportProgress(ImportPhase.Reading, 3_000, 3_000), progress.Reports.Last(r => r.Phase == ImportPhase.Reading));
        Assert.Equal(new ImportProgress(ImportPhase.Checking, 3_000, 3_000), progress.Reports.Last(r => r.Phase == ImportPhase.Checking));
        Assert.Equal(new ImportProgress(ImportPhase.Saving, 3_000, 3_000), progress.Reports[^1]);

        // Reading goes in twentieths; checking by query of 500 companies (1,000 lines each).
        Assert.Equal(ImportPhaseProgress.StepsPerPhase - 1, progress.StepsOf(ImportPhase.Reading));
        Assert.Equal(2, progress.StepsOf(ImportPhase.Checking));
    }

    [Fact]
    public async Task A_dry_run_reports_reading_and_checking_and_no_saving()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var progress = new ImportProgressRecorder();

        var report = await HandleAsync(consultant, PartnersFile(30), dryRun: true, progress);

        Assert.False(report.Committed);
        Assert.Empty(report.Rejections);
        progress.AssertMonotonic(ImportPhase.Reading, ImportPhase.Checking);
        Assert.Equal(new ImportProgress(ImportPhase.Checking, 60, 60), progress.Reports[^1]);
    }

    /// <summary>Partners of two workplaces each, one line per workplace.</summary>
    private static string PartnersFile(int partners)
        => "cvr;name;industryCode;address;postcode;sector;pNumber;workplaceName;workplaceAddress;workplacePostcode;ordinaryEmployees;employeesReportedFor;averageEmployees12Months\n"
            + string.Join("\n", Enumerable.Range(0, partners).SelectMany(i =>
            {
                var cvr = TestData.NewCvr();
                return new[] { TestData.NewPNumber(), TestData.NewPNumber() }.Select(p => $"{cvr};Partner {i} ApS;620100;Vej {i};9000;privat;{p};Afdeling {p[^4..]};Vej {i};9000;12;2026-02;11,5");
            }));

    private async Task<CompanyImportReport> HandleAsync(TestUser user, string csv, bool dryRun, IProgress<ImportProgress> progress)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var actor = new Actor(user.Id, user.Email, Role.Consultant, null);
        return await scope.ServiceProvider.GetRequiredService<ImportCompaniesHandler>().HandleAsync(new ImportCompaniesInput(csv, dryRun), actor, progress, CancellationToken.None);
    }

    [Theory]
    [InlineData("MANAGER")]
    [InlineData("ADMIN")]
    public async Task Staff_other_than_consultants_are_FORBIDDEN_and_nothing_is_written(string role)
    {
        var user = await factory.CreateUserAsync(role);
        var (csv, steel, _, _) = TwoCompanies();

        var response = await user.Client.SendAsync(Import, new { input = new { csv } });

        response.ShouldFailWith("FORBIDDEN");
        await using var db = factory.NewDbContext();
        Assert.False(await db.Companies.AnyAsync(c => c.Cvr == steel));
    }

    [Fact]
    public async Task A_company_user_is_FORBIDDEN()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var own = TestData.NewCvr();
        await ImportAsync(consultant.Client, $"cvr,name,industryCode,address,postcode,sector\n{own},Egen ApS,620100,Vej 1,9000,private\n");
        await using var db = factory.NewDbContext();
        var companyId = await db.Companies.Where(c => c.Cvr == own).Select(c => c.Id).SingleAsync();
        db.ChangeTracker.Clear();
        var companyUser = await factory.CreateUserAsync("COMPANY", Api.Infrastructure.GraphQL.GlobalId.Encode("Company", companyId));

        var response = await companyUser.Client.SendAsync(Import, new { input = new { csv = $"cvr,name,industryCode,address,postcode,sector\n{own},Overtaget ApS,620100,Vej 1,9000,private\n" } });

        response.ShouldFailWith("FORBIDDEN");
        Assert.Equal("Egen ApS", await db.Companies.Where(c => c.Id == companyId).Select(c => c.Name).SingleAsync());
    }

    [Fact]
    public async Task Anonymous_callers_are_UNAUTHENTICATED()
    {
        var response = await factory.Anonymous().SendAsync(Import, new { input = new { csv = "cvr\n" } });

        response.ShouldFailWith("UNAUTHENTICATED");
    }
}

/// <summary>The company import (bulk writer, many rows per statement) on PostgreSQL.</summary>
[OnPostgres]
public sealed class ImportCompaniesOnPostgresTests(PostgresApiFactory factory) : ImportCompaniesTests(factory), IClassFixture<PostgresApiFactory>;
