using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.ReferenceData;

namespace CrmAlliance.UnitTests.Candidates;

public sealed class CandidateValidationTests
{
    private static readonly ReferenceCatalog Catalog = new();

    private static IReadOnlyList<FieldError> ErrorsFor(string? caseReference)
    {
        try
        {
            new Validator().CheckCaseReference(caseReference, "caseReference").ThrowIfInvalid();
            return [];
        }
        catch (ValidationException ex)
        {
            return ex.Errors;
        }
    }

    [Theory]
    [InlineData("SAG-2024-001234")]
    [InlineData("J.nr. 24/18832")]
    [InlineData("KSD-8841203")]
    [InlineData("Sag 2024-12345")]
    [InlineData("991399-1234")]
    public void A_case_system_reference_is_accepted(string reference)
        => Assert.Empty(ErrorsFor(reference));

    [Theory]
    [InlineData("0101901234")]
    [InlineData("010190-1234")]
    [InlineData("010190 1234")]
    [InlineData("SAG-311299-4321")]
    [InlineData("borger 2412851234 (ny)")]
    public void A_reference_with_something_shaped_like_a_CPR_number_is_refused_with_the_reason(string reference)
    {
        var error = Assert.Single(ErrorsFor(reference));

        Assert.Equal("caseReference", error.Field);
        Assert.Contains("CPR numbers must never be stored", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_reference_is_required(string? reference)
        => Assert.Equal("is required.", Assert.Single(ErrorsFor(reference)).Message);

    [Fact]
    public void A_reference_has_at_most_64_characters()
    {
        Assert.Empty(ErrorsFor(new string('R', 64)));
        Assert.Equal("must be at most 64 characters.", Assert.Single(ErrorsFor(new string('R', 65))).Message);
    }

    [Fact]
    public void The_display_alias_comes_from_the_random_end_of_the_id()
    {
        var id = Guid.Parse("0195f3a1-7c2e-7d4b-9a61-3e5f8c9b7f3a");

        Assert.Equal("Kandidat 7F3A", CandidateValidation.DisplayAlias(id));
        Assert.Equal("Kandidat 9B7F3A", CandidateValidation.DisplayAlias(id, 6));
    }

    [Fact]
    public void Sought_occupations_are_checked_against_DISCO_08_and_skills_normalised()
    {
        var details = new RegisterCandidateInput(
            " SAG-1 ", TargetGroup.NewGraduate, ["2512", "251201", "2512"], EducationLevel.Bachelor, false, "9000", new DateOnly(2026, 8, 1), [" C# ", "c#", "SQL"]);

        var checkedDetails = CandidateValidation.Check(details, Catalog);

        Assert.Equal("SAG-1", checkedDetails.CaseReference);
        Assert.Equal(["2512", "251201"], checkedDetails.SoughtOccupations);
        Assert.Equal(["C#", "SQL"], checkedDetails.Skills);
        Assert.Null(checkedDetails.LastEmployerCvr);
    }

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var details = new RegisterCandidateInput(
            "0101901234", TargetGroup.Integration, ["25"], EducationLevel.Primary, true, "12", new DateOnly(2026, 8, 1), null, "11111111");

        var refusal = Assert.Throws<ValidationException>(() => CandidateValidation.Check(details, Catalog));

        Assert.Equal(["caseReference", "soughtOccupations", "postcode", "lastEmployerCvr"], refusal.Errors.Select(e => e.Field));
    }
}
