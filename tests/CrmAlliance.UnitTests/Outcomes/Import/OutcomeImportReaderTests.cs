using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Outcomes.Import;
using CrmAlliance.Api.Infrastructure.GraphQL;

namespace CrmAlliance.UnitTests.Outcomes.Import;

public sealed class OutcomeImportReaderTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly Guid Placement = Guid.Parse("0193a5f2-6c1e-7d4a-9a5e-3f0e2c1b4a77");

    private static OutcomeImportFile Read(params string[] lines) => OutcomeImportReader.Read(string.Join("\n", lines) + "\n", Today);

    private static (int Line, string Field)[] Errors(OutcomeImportFile file)
        => file.Rejections.SelectMany(r => r.Errors.Select(e => (r.Line, e.Field))).ToArray();

    [Fact]
    public void Danish_headings_and_words_are_read_as_their_english_names()
    {
        var file = Read(
            "Sagsnummer;Forløbs-id;Måneder efter slut;Udslusning;Selvforsørgende;Opgjort den",
            $"SAG-2024-001234;{Placement};0;ordinært job;;31-01-2026",
            $"SAG-2024-001234;{Placement};3;;ja;2026-04-30",
            $"SAG-2024-001234;{GlobalId.Encode("Placement", Placement)};6;;NEJ;");

        Assert.Empty(file.Rejections);
        Assert.Equal(';', file.Separator);
        Assert.Equal(
            [
                new ImportedOutcome(2, "SAG-2024-001234", Placement, 0, EndResult.OrdinaryJob, null, new DateOnly(2026, 1, 31)),
                new ImportedOutcome(3, "SAG-2024-001234", Placement, 3, null, true, new DateOnly(2026, 4, 30)),
                new ImportedOutcome(4, "SAG-2024-001234", Placement, 6, null, false, null),
            ],
            file.Lines);
    }

    [Theory]
    [InlineData("BACK_ON_BENEFITS", EndResult.BackOnBenefits)]
    [InlineData("backOnBenefits", EndResult.BackOnBenefits)]
    [InlineData("ydelse", EndResult.BackOnBenefits)]
    [InlineData("Fleksjob", EndResult.FlexJob)]
    [InlineData("uddannelse", EndResult.Education)]
    [InlineData("frafald", EndResult.DroppedOut)]
    [InlineData("DROPPED_OUT", EndResult.DroppedOut)]
    public void End_results_are_read_in_either_language(string cell, EndResult expected)
        => Assert.Equal(expected, Read("caseReference,placementId,monthsAfterEnd,endResult", $"SAG-1,{Placement},0,{cell}").Lines.Single().EndResult);

    [Fact]
    public void Each_problem_is_reported_on_its_line_and_column()
    {
        var file = Read(
            "caseReference,placementId,monthsAfterEnd,endResult,selfSupporting,observedOn",
            $"SAG-1,{Placement},0,ORDINARY_JOB,,",
            $"SAG-2,not-a-guid,2,,ja,",
            $"SAG-3,{Guid.NewGuid()},0,,ja,",
            $"SAG-4,{Guid.NewGuid()},1,EDUCATION,,2026-06-16",
            $"SAG-5,{Guid.NewGuid()},1,,måske,",
            $"SAG-6,{Guid.NewGuid()},1,,ja,,overflow",
            $",{Guid.NewGuid()},,,,");

        Assert.Single(file.Lines);
        Assert.Equal(
            [
                (3, "placementId"), (3, "monthsAfterEnd"),
                (4, "endResult"), (4, "selfSupporting"),
                (5, "endResult"), (5, "selfSupporting"), (5, "observedOn"),
                (6, "selfSupporting"),
                (7, "line"),
                (8, "caseReference"), (8, "monthsAfterEnd"),
            ],
            Errors(file));
    }

    [Fact]
    public void A_CPR_number_is_refused_and_never_repeated_in_the_report()
    {
        var file = Read("caseReference,placementId,monthsAfterEnd,selfSupporting", $"010190-1234,{Placement},1,ja", $"SAG-1,{Placement},1,010190-1234");

        Assert.Empty(file.Lines);
        Assert.Null(file.Rejections[0].CaseReference);
        Assert.Equal("caseReference", file.Rejections[0].Errors.Single().Field);
        Assert.All(file.Rejections.SelectMany(r => r.Errors), e => Assert.DoesNotContain("010190", e.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_placement_and_point_twice_in_a_file_is_rejected_whatever_form_the_id_takes()
    {
        var file = Read(
            "caseReference,placementId,monthsAfterEnd,selfSupporting",
            $"SAG-1,{Placement},3,ja",
            $"SAG-1,{GlobalId.Encode("Placement", Placement)},3,nej",
            $"SAG-1,{Placement:N},6,nej");

        var rejection = Assert.Single(file.Rejections);
        Assert.Equal(3, rejection.Line);
        Assert.Contains("also on line 2", rejection.Errors.Single().Reason, StringComparison.Ordinal);
        Assert.Equal(2, file.Lines.Count);
    }

    [Fact]
    public void The_ID_of_another_kind_of_record_is_not_a_placement_id()
    {
        var file = Read("caseReference,placementId,monthsAfterEnd,selfSupporting", $"SAG-1,{GlobalId.Encode("Candidate", Placement)},1,ja");

        Assert.Equal([(2, "placementId")], Errors(file));
    }

    [Theory]
    [InlineData("caseReference,placementId,monthsAfterEnd", "neither an endResult nor a selfSupporting")]
    [InlineData("caseReference,placementId,endResult", "no monthsAfterEnd column")]
    [InlineData("caseReference,cpr,placementId,monthsAfterEnd,endResult", "column 2 'cpr' is not a known column")]
    [InlineData("caseReference,placementId,monthsAfterEnd,endResult,Udslusning", "the column endResult appears 2 times")]
    public void A_header_the_import_cannot_trust_refuses_the_file(string header, string problem)
    {
        var refusal = Assert.Throws<ValidationException>(() => Read(header, $"SAG-1,{Placement},0,EDUCATION"));

        Assert.Equal("csv", refusal.Field);
        Assert.Contains(problem, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_column_and_Danish_heading_is_documented_in_the_format_the_mutation_describes()
    {
        Assert.All(OutcomeImportColumns.Layout.Columns, c =>
        {
            Assert.Contains($"`{c.Name}`", OutcomeImportFormat.Description, StringComparison.Ordinal);
            Assert.Contains(c.DanishHeading, OutcomeImportFormat.Description, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("# Outcome follow-up file", OutcomeImportFormat.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_example_is_a_valid_file()
    {
        var example = OutcomeImportFormat.Markdown.Split("```").Last(block => block.Contains("Sagsnummer", StringComparison.Ordinal));

        var file = OutcomeImportReader.Read(example.Trim(), Today);

        Assert.Empty(file.Rejections);
        Assert.Equal(3, file.Lines.Count);
    }
}
