using System.Globalization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Web;

namespace CrmAlliance.UnitTests.Web;

/// <summary>The one helper pages show the core's refusals through: its status, and its text in the user's language.</summary>
public sealed class RefusalDisplayTests
{
    private static readonly ForbiddenException OtherCompany = new(RefusalText.Of("Core.OwnCompanyOnly"));

    [Fact]
    public void Each_refusal_has_its_status_and_heading()
    {
        Assert.Equal(403, RefusalDisplay.StatusCode(OtherCompany));
        Assert.Equal(404, RefusalDisplay.StatusCode(new NotFoundException("Company", Guid.Empty)));
        Assert.Equal(409, RefusalDisplay.StatusCode(new ConflictException(RefusalText.Of("Core.ChangedSinceRead"))));
        Assert.Equal(400, RefusalDisplay.StatusCode(new ValidationException("summary", RefusalText.Of("Core.Required"))));
        Assert.Equal("Companies.Refusal.Forbidden", RefusalDisplay.HeadingKey(OtherCompany));
    }

    [Fact]
    public void A_refusal_standing_alone_as_a_sentence_starts_with_a_capital_letter()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("da-DK");
            var noStatement = new RuleViolationException("EmployeeRepStatement", RefusalText.Of("Placements.StatementMissing", ("kind", "virksomhedspraktik")));
            Assert.StartsWith("et forløb i virksomhedspraktik kan ikke begynde", RefusalDisplay.Message(noStatement));
            Assert.Equal("Et forløb i virksomhedspraktik kan ikke begynde, før arbejdsstedets medarbejderrepræsentants udtalelse er registreret.", RefusalDisplay.Sentence(noStatement));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void A_refusal_reads_in_Danish_by_default_and_in_English_when_the_user_chose_it()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("da-DK");
            Assert.Equal("En virksomhedsbruger må kun handle på vegne af sin egen virksomhed.", RefusalDisplay.Message(OtherCompany));
            Assert.Equal("Resumé: skal udfyldes.", RefusalDisplay.FieldMessage(new FieldError("summary", RefusalText.Of("Core.Required")), "Resumé"));

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("A company user may only act on its own company.", RefusalDisplay.Message(OtherCompany));
            Assert.Equal("Summary: is required.", RefusalDisplay.FieldMessage(new FieldError("summary", RefusalText.Of("Core.Required")), "Summary"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
