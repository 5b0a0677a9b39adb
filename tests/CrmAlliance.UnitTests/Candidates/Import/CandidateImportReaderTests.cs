using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Candidates.Import;
using CrmAlliance.Api.Features.ReferenceData;

namespace CrmAlliance.UnitTests.Candidates.Import;

public sealed class CandidateImportReaderTests
{
    private const string Header = "caseReference,targetGroup,soughtOccupations,skills,educationLevel,hasWorkExperience,postcode,availableFrom,lastEmployerCvr";

    private const string GoodLine = "SAG-2024-000001,dagpenge,5120,Kold køkken,erhvervsfaglig,ja,9000,2026-03-01,";

    private static readonly CandidateImportReader Reader = new(new ReferenceCatalog());

    [Fact]
    public void Reads_a_Danish_Excel_file_with_BOM_semicolons_Danish_headings_words_and_dates()
    {
        const string Csv = "\uFEFFSagsnummer;Målgruppe;Søgte stillinger;Kompetencer;Uddannelsesniveau;Erhvervserfaring;Postnummer;Til rådighed fra;Seneste arbejdsgivers CVR\r\n"
            + "SAG-2024-001234;aktivitetsparat;\"5120; 7233;\";\"Kold køkken;Hygiejnebevis;kold køkken\";kort videregående;nej;9220;15-04-2026;DK 1234 5674\r\n";

        var file = Reader.Read(Csv);

        Assert.Equal(';', file.Separator);
        Assert.Empty(file.Rejections);
        Assert.True(file.HasSkillsColumn && file.HasLastEmployerCvrColumn);
        var line = Assert.Single(file.Lines);
        Assert.Equal(2, line.Line);
        var candidate = line.Candidate;
        Assert.Equal(("SAG-2024-001234", TargetGroup.ActivityReadySocialAssistance, EducationLevel.ShortCycleHigher, false), (candidate.CaseReference, candidate.TargetGroup, candidate.EducationLevel, candidate.HasWorkExperience));
        Assert.Equal(("9220", new DateOnly(2026, 4, 15), "12345674"), (candidate.Postcode, candidate.AvailableFrom, candidate.LastEmployerCvr));
        Assert.Equal(["5120", "7233"], line.Checked.SoughtOccupations);
        Assert.Equal(["Kold køkken", "Hygiejnebevis"], line.Checked.Skills);
    }

    [Theory]
    [InlineData("dagpenge", TargetGroup.InsuredUnemployed)]
    [InlineData("INSURED_UNEMPLOYED", TargetGroup.InsuredUnemployed)]
    [InlineData("InsuredUnemployed", TargetGroup.InsuredUnemployed)]
    [InlineData("Jobparat kontanthjælp", TargetGroup.JobReadySocialAssistance)]
    [InlineData("uddannelseshjælp", TargetGroup.EducationBenefit)]
    [InlineData("Sygedagpenge", TargetGroup.SicknessBenefit)]
    [InlineData("ledighedsydelse", TargetGroup.FlexJobSeeker)]
    [InlineData("ressourceforløb", TargetGroup.ResourceProgramme)]
    [InlineData("integration", TargetGroup.Integration)]
    [InlineData("dimittend", TargetGroup.NewGraduate)]
    public void Target_groups_are_read_by_their_Danish_word_or_English_name(string cell, TargetGroup expected)
    {
        Assert.True(CandidateImportValues.TryTargetGroup(cell, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("grundskole", EducationLevel.Primary)]
    [InlineData("Gymnasial", EducationLevel.UpperSecondary)]
    [InlineData("VOCATIONAL", EducationLevel.Vocational)]
    [InlineData("mellemlang videregående", EducationLevel.Bachelor)]
    [InlineData("lang videregående", EducationLevel.MasterOrHigher)]
    [InlineData("master_or_higher", EducationLevel.MasterOrHigher)]
    public void Education_levels_are_read_by_their_Danish_words_or_English_name(string cell, EducationLevel expected)
    {
        Assert.True(CandidateImportValues.TryEducationLevel(cell, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("dagpengemodtagere", TargetGroup.InsuredUnemployed)]
    [InlineData("  Jobparate kontanthjælpsmodtagere ", TargetGroup.JobReadySocialAssistance)]
    [InlineData("LEDIGHEDSYDELSESMODTAGERE (FLEKSJOBVISITEREDE)", TargetGroup.FlexJobSeeker)]
    [InlineData("integration (flygtninge og indvandrere)", TargetGroup.Integration)]
    [InlineData("new graduates", TargetGroup.NewGraduate)]
    public void Target_groups_are_read_by_the_labels_the_candidate_form_shows(string cell, TargetGroup expected)
    {
        Assert.True(CandidateImportValues.TryTargetGroup(cell, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("Erhvervsfaglig uddannelse", EducationLevel.Vocational)]
    [InlineData(" erhvervsfaglig uddannelse  ", EducationLevel.Vocational)]
    [InlineData("MELLEMLANG VIDEREGÅENDE UDDANNELSE", EducationLevel.Bachelor)]
    [InlineData("Long-cycle higher education (master or above)", EducationLevel.MasterOrHigher)]
    public void Education_levels_are_read_by_the_labels_the_candidate_form_shows(string cell, EducationLevel expected)
    {
        Assert.True(CandidateImportValues.TryEducationLevel(cell, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Every_label_the_candidate_pages_show_is_read_back_as_its_value_in_either_language()
    {
        foreach (var culture in new[] { Refusals.Danish, Refusals.English })
        {
            foreach (var group in Enum.GetValues<TargetGroup>())
            {
                Assert.True(CandidateImportValues.TryTargetGroup(Refusals.DisplayName(group, culture).ToUpperInvariant(), out var read, out _), $"{group} ({culture})");
                Assert.Equal(group, read);
            }

            foreach (var level in Enum.GetValues<EducationLevel>())
            {
                Assert.True(CandidateImportValues.TryEducationLevel(Refusals.DisplayName(level, culture).ToLowerInvariant(), out var read, out _), $"{level} ({culture})");
                Assert.Equal(level, read);
            }
        }
    }

    [Fact]
    public void A_refused_target_group_or_education_level_lists_the_Danish_labels_to_write()
    {
        Assert.False(CandidateImportValues.TryTargetGroup("pensionist", out _, out var groupReason));
        Assert.False(CandidateImportValues.TryEducationLevel("ph.d.", out _, out var levelReason));

        var group = Refusals.Describe(groupReason, Refusals.Danish);
        var level = Refusals.Describe(levelReason, Refusals.Danish);

        Assert.StartsWith("'pensionist' er ikke en målgruppe", group, StringComparison.Ordinal);
        Assert.All(Enum.GetValues<TargetGroup>(), g => Assert.Contains(Refusals.DisplayName(g, Refusals.Danish), group, StringComparison.Ordinal));
        Assert.Contains("dagpengemodtagere, jobparate kontanthjælpsmodtagere", group, StringComparison.Ordinal);
        Assert.StartsWith("'ph.d.' er ikke et uddannelsesniveau", level, StringComparison.Ordinal);
        Assert.All(Enum.GetValues<EducationLevel>(), l => Assert.Contains(Refusals.DisplayName(l, Refusals.Danish), level, StringComparison.Ordinal));
        Assert.Contains("Erhvervsfaglig uddannelse", level, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SAG-1,pensionist,5120,,grundskole,ja,9000,2026-03-01,", "targetGroup", "'pensionist' is not a target group")]
    [InlineData("SAG-1,dagpenge,99,,grundskole,ja,9000,2026-03-01,", "soughtOccupations", "'99' is not a DISCO-08 code")]
    [InlineData("SAG-1,dagpenge,,,grundskole,ja,9000,2026-03-01,", "soughtOccupations", "must hold 1 to 10 different occupations, not 0")]
    [InlineData("SAG-1,dagpenge,5120,,ph.d.,ja,9000,2026-03-01,", "educationLevel", "'ph.d.' is not an education level")]
    [InlineData("SAG-1,dagpenge,5120,,grundskole,måske,9000,2026-03-01,", "hasWorkExperience", "'måske' is not yes or no")]
    [InlineData("SAG-1,dagpenge,5120,,grundskole,,9000,2026-03-01,", "hasWorkExperience", "is required.")]
    [InlineData("SAG-1,dagpenge,5120,,grundskole,ja,0001,2026-03-01,", "postcode", "'0001' is not a Danish postcode")]
    [InlineData("SAG-1,dagpenge,5120,,grundskole,ja,9000,31-02-2026,", "availableFrom", "'31-02-2026' is not a date")]
    [InlineData("SAG-1,dagpenge,5120,,grundskole,ja,9000,2026-03-01,12345678", "lastEmployerCvr", "'12345678' is not a valid CVR number")]
    [InlineData(",dagpenge,5120,,grundskole,ja,9000,2026-03-01,", "caseReference", "is required.")]
    public void Each_bad_cell_is_rejected_with_its_column_and_reason(string line, string column, string reason)
    {
        var file = Reader.Read(Header + "\n" + line + "\n");

        Assert.Empty(file.Lines);
        var rejection = Assert.Single(file.Rejections);
        Assert.Equal(2, rejection.Line);
        var error = Assert.Single(rejection.Errors);
        Assert.Equal(column, error.Field);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Skill_lists_are_checked_as_registration_checks_them()
    {
        var skills = string.Join(";", Enumerable.Range(1, 31).Select(i => $"Skill {i}"));

        var file = Reader.Read(Header + "\nSAG-1,dagpenge,5120,\"" + skills + "\",grundskole,ja,9000,2026-03-01,\n");

        var error = Assert.Single(Assert.Single(file.Rejections).Errors);
        Assert.Equal(("skills", "holds 31 different skills; at most 30 are allowed."), (error.Field, error.Reason));
    }

    [Fact]
    public void A_line_with_several_bad_cells_reports_each_in_column_order()
    {
        var file = Reader.Read(Header + "\nSAG-1,x,99,,y,z,0001,never,1\n");

        var rejection = Assert.Single(file.Rejections);
        Assert.Equal(
            ["targetGroup", "soughtOccupations", "educationLevel", "hasWorkExperience", "postcode", "availableFrom", "lastEmployerCvr"],
            rejection.Errors.Select(e => e.Field));
        Assert.Equal("SAG-1", rejection.CaseReference);
    }

    [Theory]
    [InlineData("0101901234")]
    [InlineData("SAG-010190-1234")]
    [InlineData("borger 2412851234")]
    public void A_CPR_shaped_reference_is_rejected_and_never_repeated_in_the_report(string reference)
    {
        var file = Reader.Read(Header + "\n" + GoodLine.Replace("SAG-2024-000001", reference, StringComparison.Ordinal) + "\n");

        var rejection = Assert.Single(file.Rejections);
        Assert.Null(rejection.CaseReference);
        var error = Assert.Single(rejection.Errors);
        Assert.Equal("caseReference", error.Field);
        Assert.Contains("CPR numbers must never be stored", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_reference_on_a_second_line_is_rejected_naming_the_first_ignoring_case()
    {
        var file = Reader.Read(Header + "\n" + GoodLine + "\n" + GoodLine.Replace("SAG", "sag", StringComparison.Ordinal) + "\n" + GoodLine.Replace("000001", "000002", StringComparison.Ordinal) + "\n");

        Assert.Equal([2, 4], file.Lines.Select(l => l.Line));
        var rejection = Assert.Single(file.Rejections);
        Assert.Equal((3, "sag-2024-000001"), (rejection.Line, rejection.CaseReference));
        var error = Assert.Single(rejection.Errors);
        Assert.Equal("caseReference", error.Field);
        Assert.Contains("also on line 2", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Cells_beyond_the_header_are_rejected_without_repeating_them()
    {
        var file = Reader.Read(Header + "\n" + GoodLine + ",,\n" + GoodLine.Replace("000001", "000002", StringComparison.Ordinal) + ",0101901234\n");

        Assert.Equal([2], file.Lines.Select(l => l.Line));
        var error = Assert.Single(Assert.Single(file.Rejections).Errors);
        Assert.Equal("line", error.Field);
        Assert.DoesNotContain("0101901234", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_optional_columns_the_line_leaves_skills_and_last_employer_unread()
    {
        var file = Reader.Read("caseReference,targetGroup,soughtOccupations,educationLevel,hasWorkExperience,postcode,availableFrom\nSAG-1,dagpenge,5120,grundskole,ja,9000,2026-03-01\n");

        Assert.False(file.HasSkillsColumn || file.HasLastEmployerCvrColumn);
        var line = Assert.Single(file.Lines);
        Assert.Null(line.Candidate.Skills);
        Assert.Null(line.Candidate.LastEmployerCvr);
    }

    [Theory]
    [InlineData("caseReference,targetGroup,soughtOccupations,educationLevel,hasWorkExperience,postcode\n", "no availableFrom column")]
    [InlineData(Header + ",cpr\n", "column 10 'cpr' is not a known column")]
    [InlineData(Header + ",Sagsnummer\n", "the column caseReference appears 2 times")]
    [InlineData("", "is empty")]
    public void A_file_that_cannot_be_read_is_refused_as_a_whole(string csv, string expected)
    {
        var error = Assert.Throws<ValidationException>(() => Reader.Read(csv));

        Assert.All(error.Errors, e => Assert.Equal("csv", e.Field));
        Assert.Contains(error.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_over_the_line_limit_is_refused()
    {
        var csv = Header + "\n" + string.Concat(Enumerable.Repeat(GoodLine + "\n", CandidateImportReader.MaxLines + 1));

        var error = Assert.Throws<ValidationException>(() => Reader.Read(csv));

        Assert.Contains("at most 20,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_column_and_Danish_heading_is_documented_in_the_format_the_mutation_describes()
    {
        Assert.All(CandidateImportColumns.All, c =>
        {
            Assert.Contains($"`{c.Name}`", CandidateImportFormat.Description, StringComparison.Ordinal);
            Assert.Contains(c.DanishHeading, CandidateImportFormat.Description, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("# Candidate import file", CandidateImportFormat.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_example_is_a_valid_file()
    {
        var markdown = CandidateImportFormat.Markdown;
        var start = markdown.IndexOf("```\n", StringComparison.Ordinal) + 4;
        var example = markdown[start..markdown.IndexOf("```", start, StringComparison.Ordinal)];

        var file = Reader.Read(example);

        Assert.Empty(file.Rejections);
        Assert.Equal(2, file.Lines.Count);
    }
}
