using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Companies.Import;

namespace CrmAlliance.UnitTests.Companies.Import;

public sealed class CompanyImportConsistencyTests
{
    private static readonly ImportedCompany Steel = new("12345674", "Nordjysk Stål A/S", "251100", "Hjulmagervej 12", "9000", Sector.Private);
    private static readonly ImportedWorkplace Workshop = new("1012345678", "Værkstedet", "Hjulmagervej 12", "9000", 42, new DateOnly(2026, 2, 1), 40.5m);
    private static readonly ImportedMembership NoMembership = new(null, null, null);

    private static CompanyImportLine Line(int line, ImportedCompany company, ImportedWorkplace? workplace = null, ImportedContact? contact = null, ImportedMembership? membership = null)
        => new(line, company, membership ?? NoMembership, workplace, contact);

    [Fact]
    public void Lines_that_repeat_a_company_workplace_and_contact_identically_are_consistent()
    {
        var contact = new ImportedContact("Hanne Kjær", "HR-chef", "hk@example.dk", null, false);

        var rejections = CompanyImportConsistency.Check([Line(2, Steel, Workshop, contact), Line(3, Steel, Workshop, contact with { JobTitle = null }), Line(4, Steel)]);

        Assert.Empty(rejections);
    }

    [Fact]
    public void The_same_CVR_with_another_name_rejects_the_later_line_naming_the_earlier()
    {
        var rejections = CompanyImportConsistency.Check([Line(2, Steel), Line(5, Steel with { Name = "Nordjysk Staal A/S" })]);

        var rejection = Assert.Single(rejections);
        Assert.Equal((5, "12345674", "name"), (rejection.Line, rejection.Cvr, rejection.Field));
        Assert.Contains("line 2", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Membership_may_be_blank_on_later_lines_but_given_values_must_agree()
    {
        var active = new ImportedMembership(MembershipStatus.Active, new DateOnly(2020, 1, 1), null);

        var rejections = CompanyImportConsistency.Check([Line(2, Steel, membership: active), Line(3, Steel), Line(4, Steel, membership: active with { Status = MembershipStatus.Left })]);

        Assert.Equal([(4, "membershipStatus")], rejections.Select(r => (r.Line, r.Field)));
    }

    [Fact]
    public void The_same_P_number_under_two_CVRs_is_rejected()
    {
        var other = Steel with { Cvr = "12345682", Name = "Andet Stål ApS" };

        var rejections = CompanyImportConsistency.Check([Line(2, Steel, Workshop), Line(3, other, Workshop)]);

        var rejection = Assert.Single(rejections);
        Assert.Equal((3, "12345682", "pNumber"), (rejection.Line, rejection.Cvr, rejection.Field));
        Assert.Contains("CVR 12345674 on line 2", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_P_number_with_another_headcount_is_rejected()
    {
        var rejections = CompanyImportConsistency.Check([Line(2, Steel, Workshop), Line(3, Steel, Workshop with { OrdinaryEmployees = 43 })]);

        Assert.Equal([(3, "ordinaryEmployees")], rejections.Select(r => (r.Line, r.Field)));
    }

    [Fact]
    public void A_contact_repeated_by_e_mail_with_another_phone_is_rejected()
    {
        var contact = new ImportedContact("Hanne Kjær", null, "hk@example.dk", "98 12 34 56", null);

        var rejections = CompanyImportConsistency.Check([Line(2, Steel, contact: contact), Line(3, Steel, contact: contact with { Email = "HK@example.dk", Phone = "98 65 43 21" })]);

        Assert.Equal([(3, "contactPhone")], rejections.Select(r => (r.Line, r.Field)));
    }
}
