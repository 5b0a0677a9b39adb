using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Companies.Import;
using CrmAlliance.Api.Features.ReferenceData;

namespace CrmAlliance.UnitTests.Companies.Import;

public sealed class CompanyImportReaderTests
{
    private const string EnglishHeader = "cvr,name,industryCode,address,postcode,sector,pNumber,workplaceName,workplaceAddress,workplacePostcode,ordinaryEmployees,employeesReportedFor,averageEmployees12Months,contactName,contactEmail";

    private static readonly CompanyImportReader Reader = new(new ReferenceCatalog());

    [Fact]
    public void Reads_a_Danish_Excel_file_with_BOM_semicolons_Danish_headings_and_a_decimal_comma()
    {
        const string Csv = "\uFEFFCVR-nummer;Navn;Branchekode;Adresse;Postnummer;Sektor;Medlemsstatus;Indmeldt;P-nummer;Arbejdssted;Arbejdsstedets adresse;Arbejdsstedets postnummer;Ordinært ansatte;Ansatte opgjort for;Gennemsnit 12 måneder;Kontaktperson;Medarbejderrepræsentant\r\n"
            + "DK 1234 5674;Nordjysk Stål A/S;251100;Hjulmagervej 12;9000;privat;aktiv;01-03-2019;1012345678;Værkstedet;Hjulmagervej 12;9000;42;02-2026;40,5;Jens Thomsen;ja\r\n";

        var file = Reader.Read(Csv);

        Assert.Equal(';', file.Separator);
        Assert.Empty(file.Rejections);
        var line = Assert.Single(file.Lines);
        Assert.Equal(2, line.Line);
        Assert.Equal(new ImportedCompany("12345674", "Nordjysk Stål A/S", "251100", "Hjulmagervej 12", "9000", Sector.Private), line.Company);
        Assert.Equal(new ImportedMembership(MembershipStatus.Active, new DateOnly(2019, 3, 1), null), line.Membership);
        Assert.Equal(new ImportedWorkplace("1012345678", "Værkstedet", "Hjulmagervej 12", "9000", 42, new DateOnly(2026, 2, 1), 40.5m), line.Workplace);
        Assert.Equal(new ImportedContact("Jens Thomsen", null, null, null, true), line.Contact);
    }

    [Fact]
    public void Reads_a_comma_separated_file_whose_quoted_cells_hold_commas_quotes_and_line_breaks()
    {
        const string Csv = "name,cvr,industryCode,address,postcode,sector\n"
            + "\"Bageriet \"\"Kringlen\"\", Vejgaard\",12345674,107100,\"Hadsundvej 1,\n2. sal\",9000,private\n"
            + "Limfjordens Bageri ApS,12345682,107100,Vesterbro 2,9000,PRIVATE\n";

        var file = Reader.Read(Csv);

        Assert.Equal(',', file.Separator);
        Assert.Empty(file.Rejections);
        Assert.Equal(["Bageriet \"Kringlen\", Vejgaard", "Limfjordens Bageri ApS"], file.Lines.Select(l => l.Company.Name));
        Assert.Equal("Hadsundvej 1,\n2. sal", file.Lines[0].Company.Address);
        Assert.Equal([2, 4], file.Lines.Select(l => l.Line));
        Assert.Null(file.Lines[0].Workplace);
        Assert.Null(file.Lines[0].Contact);
    }

    [Fact]
    public void Rejects_each_bad_cell_with_its_line_CVR_and_column_using_the_registration_checks()
    {
        var csv = EnglishHeader + "\n"
            + "12345674,Good A/S,251100,Vej 1,9000,private,1012345678,Site,Vej 1,9000,10,2026-02,10,Ann Berg,ann@example.dk\n"
            + "12345678,,999999,Vej 2,0000,state,12345,,Vej 2,9999,many,13-2026,1.2.3,,not-an-email\n";

        var file = Reader.Read(csv);

        Assert.Single(file.Lines);
        Assert.All(file.Rejections, r => Assert.Equal((3, "12345678"), (r.Line, r.Cvr)));
        Assert.Equal(
            ["cvr", "name", "industryCode", "postcode", "sector", "ordinaryEmployees", "employeesReportedFor", "averageEmployees12Months", "pNumber", "workplaceName", "workplacePostcode", "contactName", "contactEmail"],
            file.Rejections.Select(r => r.Field));
    }

    [Fact]
    public void Cells_beyond_the_header_are_rejected_unless_blank()
    {
        const string Csv = "cvr,name,industryCode,address,postcode,sector\n"
            + "12345674,A A/S,251100,Vej 1,9000,private,,\n"
            + "12345682,B A/S,251100,Vej 1,9000,private,12,5\n";

        var file = Reader.Read(Csv);

        Assert.Equal([2], file.Lines.Select(l => l.Line));
        var rejection = Assert.Single(file.Rejections);
        Assert.Equal((3, "line"), (rejection.Line, rejection.Field));
    }

    [Theory]
    [InlineData("cvr,name,industryCode,address,postcode,sector,fax\n", "column 7 'fax' is not a known column")]
    [InlineData("cvr,name,industryCode,address,postcode\n", "no sector column")]
    [InlineData("cvr,name,Navn,industryCode,address,postcode,sector\n", "the column name appears 2 times")]
    [InlineData("cvr,name,industryCode,address,postcode,sector,pNumber\n", "no workplaceName column")]
    [InlineData("cvr,name,industryCode,address,postcode,sector,contactEmail\n", "no contactName column")]
    [InlineData("", "is empty")]
    [InlineData("cvr,name,industryCode,address,postcode,sector\n12345674,\"A,251100\n", "line 2: a quoted cell is never closed")]
    [InlineData("cvr,name,industryCode,address,postcode,sector\n12345674,B\uFFFDrge,251100,Vej,9000,private\n", "not valid UTF-8")]
    public void A_file_that_cannot_be_read_is_refused_as_a_whole(string csv, string expected)
    {
        var error = Assert.Throws<ValidationException>(() => Reader.Read(csv));

        Assert.All(error.Errors, e => Assert.Equal("csv", e.Field));
        Assert.Contains(error.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_over_the_line_limit_is_refused()
    {
        var csv = "cvr,name,industryCode,address,postcode,sector\n" + string.Concat(Enumerable.Repeat("12345674,A,251100,Vej,9000,private\n", CompanyImportReader.MaxLines + 1));

        var error = Assert.Throws<ValidationException>(() => Reader.Read(csv));

        Assert.Contains("at most 20,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_5_MB_is_refused()
    {
        var csv = "cvr,name,industryCode,address,postcode,sector\n12345674,\"" + new string('x', CompanyImportReader.MaxBytes) + "\",251100,Vej,9000,private\n";

        var error = Assert.Throws<ValidationException>(() => Reader.Read(csv));

        Assert.Contains("at most 5,242,880 bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cvr;name;industryCode\n", ';')]
    [InlineData("cvr,name,industryCode\n", ',')]
    [InlineData("\"a;b\",name,industryCode\n", ',')]
    [InlineData("cvr\n", ',')]
    public void The_separator_is_the_one_the_header_uses_outside_quotes(string text, char expected)
        => Assert.Equal(expected, CompanyImportReader.DetectSeparator(text));

    [Fact]
    public void Every_column_and_Danish_heading_is_documented_in_the_format_the_mutation_describes()
    {
        Assert.All(CompanyImportColumns.All, c =>
        {
            Assert.Contains($"`{c.Name}`", CompanyImportFormat.Description, StringComparison.Ordinal);
            Assert.Contains($"| {c.DanishHeading} |", CompanyImportFormat.Description, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_documented_example_file_is_accepted()
    {
        var markdown = CompanyImportFormat.Markdown;
        var start = markdown.IndexOf("```\n", StringComparison.Ordinal) + 4;
        var example = markdown[start..markdown.IndexOf("```", start, StringComparison.Ordinal)];

        var file = Reader.Read(example);

        Assert.Empty(file.Rejections);
        Assert.Equal(2, file.Lines.Count);
        Assert.Empty(CompanyImportConsistency.Check(file.Lines));
    }
}
