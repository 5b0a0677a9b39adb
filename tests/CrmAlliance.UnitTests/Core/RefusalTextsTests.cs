using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Features.Vacancies;
using Microsoft.Extensions.Options;

namespace CrmAlliance.UnitTests.Core;

/// <summary>
/// The refusals' texts: both languages for every key, the ratio rule's Danish sentence, and no C# names in what
/// people read (enum values only by their display names).
/// </summary>
public sealed partial class RefusalTextsTests
{
    private static readonly ResourceManager Texts = new(typeof(RefusalTexts));
    private static readonly DatePeriod March = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

    /// <summary>Words in the texts that look like C# identifiers but are names of things people know.</summary>
    private static readonly HashSet<string> KnownNames = ["CrmAlliance", "GraphQL"];

    public static TheoryData<string> Languages => new() { "da", "en" };

    [Fact]
    public void Every_key_has_a_Danish_and_an_English_text_with_the_same_placeholders()
    {
        var danish = TextsOf(CultureInfo.InvariantCulture);
        var english = TextsOf(Refusals.English);

        Assert.NotEmpty(danish);
        Assert.Equal(danish.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.All(danish, text =>
        {
            Assert.False(string.IsNullOrWhiteSpace(text.Value), text.Key);
            Assert.False(string.IsNullOrWhiteSpace(english[text.Key]), text.Key);
            Assert.Equal(Placeholders(text.Value), Placeholders(english[text.Key]));
        });
    }

    [Fact]
    public void The_ratio_rule_refuses_in_Danish_with_the_words_people_use()
    {
        var rule = new RatioRule(Options.Create(new PlacementRulesOptions()));
        var taken = new[] { new DatePeriod(new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 10)) };

        var refusal = Assert.Throws<RuleViolationException>(() => rule.Enforce("1012345678", 9, taken, March, placementCounts: true));

        Assert.Equal("Arbejdsstedet har 1 af 1 tilladte pladser i praktik/løntilskud for 9 ordinære ansatte", Refusals.Describe(refusal.Text, WebCulture("da")));
        Assert.StartsWith(
            "Arbejdsstedet har 1 af 1 tilladte pladser i praktik/løntilskud for 9 ordinære ansatte. P-nummer 1012345678, på et tidspunkt i perioden 1. marts 2026 til 31. marts 2026",
            Refusals.Describe(refusal, WebCulture("da")),
            StringComparison.Ordinal);
        Assert.Equal(refusal.Message, Refusals.Describe(refusal, CultureInfo.InvariantCulture));
        Assert.EndsWith("A consultant may record a RATIO_RULE exemption with a reason.", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void English_is_what_GraphQL_and_any_language_but_Danish_get()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => FlexJobEligibilityRule.Enforce(OfferKind.FlexJob, TargetGroup.InsuredUnemployed));

        const string english = "a flex job is only for candidates in the target group flex-job seekers; this candidate is in insured unemployed.";
        Assert.Equal(english, refusal.Message);
        Assert.Equal(english, Refusals.Describe(refusal, CultureInfo.InvariantCulture));
        Assert.Equal(english, Refusals.Describe(refusal, CultureInfo.GetCultureInfo("de-DE")));
        Assert.Equal(
            "fleksjob er kun for kandidater i målgruppen ledighedsydelsesmodtagere (fleksjobvisiterede); denne kandidat er i dagpengemodtagere.",
            Refusals.Describe(refusal, CultureInfo.GetCultureInfo("da-DK")));
    }

    [Fact]
    public void A_validation_error_renders_each_field_error_in_the_language()
    {
        var refusal = Assert.Throws<ValidationException>(() => new Validator().Required(null, "title").MaxLength(new string('x', 9), "note", 8).ThrowIfInvalid());

        Assert.Equal("title: is required.; note: must be at most 8 characters.", refusal.Message);
        Assert.Equal("title: skal udfyldes.; note: må højst have 8 tegn.", Refusals.Describe(refusal, Refusals.Danish));
        Assert.Equal("må højst have 8 tegn.", Refusals.Describe(refusal.Errors[1], Refusals.Danish));
    }

    [Fact]
    public void No_text_names_a_CSharp_identifier()
    {
        var texts = TextsOf(CultureInfo.InvariantCulture).Concat(TextsOf(Refusals.English));

        var offenders = texts
            .SelectMany(t => PascalCaseWord().Matches(Placeholder().Replace(t.Value, "")).Select(m => $"{t.Key}: {m.Value}"))
            .Where(o => !KnownNames.Contains(o[(o.IndexOf(": ", StringComparison.Ordinal) + 2)..]))
            .ToList();

        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_enum_with_display_names_has_one_for_each_value_that_is_not_its_CSharp_name(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var enumTypes = TextsOf(CultureInfo.InvariantCulture).Keys
            .Where(k => k.StartsWith("Enum.", StringComparison.Ordinal))
            .Select(k => k.Split('.')[1])
            .Distinct()
            .Select(name => Assert.Single(typeof(Program).Assembly.GetTypes(), t => t.IsEnum && t.Name == name))
            .ToList();

        Assert.Contains(typeof(OfferKind), enumTypes);
        Assert.Contains(typeof(TargetGroup), enumTypes);
        Assert.Contains(typeof(PlacementStatus), enumTypes);
        Assert.All(enumTypes.SelectMany(t => Enum.GetValues(t).Cast<Enum>()), value =>
        {
            var key = Refusals.EnumKey(value);
            var text = Texts.GetString(key, culture);
            Assert.True(text is not null, $"{key} has no text in {language}");
            Assert.NotEqual(value.ToString(), text);
            Assert.DoesNotMatch(PascalCaseWord(), text);
        });
    }

    /// <summary>Refusals of every kind of enum-bearing rule, thrown by the rules themselves, rendered in both languages.</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public void Refusals_name_enum_values_only_by_their_display_names(string language)
    {
        var refusals = RepresentativeRefusals().ToList();
        var culture = CultureInfo.GetCultureInfo(language);
        var csharpNames = new[]
            {
                typeof(OfferKind), typeof(TargetGroup), typeof(PlacementStatus), typeof(VacancyStatus), typeof(VacancyTransition),
                typeof(PlacementRule), typeof(InternshipPurpose), typeof(Role), typeof(Sector),
            }
            .SelectMany(Enum.GetNames)
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(refusals, refusal =>
        {
            var text = Refusals.Describe(refusal, culture);
            var named = Word().Matches(text).Select(m => m.Value).Where(csharpNames.Contains).ToList();
            Assert.True(named.Count == 0, $"'{text}' names {string.Join(", ", named)}");
            Assert.DoesNotContain("Enum.", text, StringComparison.Ordinal);
        });
    }

    private static IEnumerable<CrmException> RepresentativeRefusals()
    {
        var options = Options.Create(new PlacementRulesOptions());
        var approved = new Placement { ProposedBy = "consultant", Status = PlacementStatus.Active };
        var withdrawn = new Candidate { CaseReference = "SAG-1", DisplayAlias = "Kandidat 1", Postcode = "9000", WithdrawnAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), WithdrawalReason = "Fundet arbejde selv" };
        var attempts = new Action[]
        {
            () => FlexJobEligibilityRule.Enforce(OfferKind.FlexJob, TargetGroup.InsuredUnemployed),
            () => InternshipPurposeRule.Enforce(OfferKind.WageSubsidy, InternshipPurpose.UpSkilling),
            () => InternshipPurposeRule.Enforce(OfferKind.Internship, null),
            () => EmployeeRepStatementRule.Enforce(OfferKind.WageSubsidy, null, March.Start),
            () => new MaximumDurationRule(options).Enforce(OfferKind.Internship, TargetGroup.ActivityReadySocialAssistance, false, Sector.Private, new DatePeriod(March.Start, March.Start.AddDays(200))),
            () => new MaximumDurationRule(options).Enforce(OfferKind.WageSubsidy, TargetGroup.InsuredUnemployed, true, Sector.Public, new DatePeriod(March.Start, March.Start.AddDays(200))),
            () => new AdditionalEmploymentRule(options).Enforce(8, 9.5m, noDismissalWithinPeriod: false),
            () => new RatioRule(options).Enforce("1012345678", 9, [March], March, placementCounts: true),
            () => PlacementStateMachine.EnsureCanMove(approved, PlacementStatus.Proposed),
            () => PlacementStateMachine.RequireStatus(approved, RefusalText.Of("Placements.Action.Cancel"), PlacementStatus.Proposed, PlacementStatus.Approved),
            () => VacancyStateMachine.Next(VacancyStatus.Filled, VacancyTransition.Close),
            () => VacancyStateMachine.Next(VacancyStatus.Draft, VacancyTransition.MarkFilled),
            () => throw OutcomeRules.NotEndedRefusal(PlacementStatus.Active)!,
            () => CandidateActiveRule.Enforce(withdrawn, CandidateActiveRule.Refused.Propose),
            () => new Actor("u1", "company@example.dk", Role.Company, Guid.NewGuid()).Require(Role.Consultant),
            () => throw new ConflictException(RefusalText.Of(
                "Placements.Overlap",
                ("kind", OfferKind.WageSubsidy),
                ("status", PlacementStatus.Active),
                ("start", March.Start),
                ("end", March.End),
                ("period", March.Text))),
            () => throw new RuleViolationException(PlacementRuleNames.Ratio, RefusalText.Of("Placements.TargetGroupChange", ("kind", OfferKind.Internship), ("refusal", new ValidationException("x", RefusalText.Of("Core.Required"))))),
        };
        foreach (var attempt in attempts)
        {
            yield return Assert.IsAssignableFrom<CrmException>(Record.Exception(attempt));
        }
    }

    private static Dictionary<string, string> TextsOf(CultureInfo culture)
        => Texts.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static List<string> Placeholders(string text)
        => Refusals.PlaceholdersOf(text).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The web UI's cultures: da-DK for numbers and dates, the chosen language for texts.</summary>
    private static CultureInfo WebCulture(string language) => CultureInfo.GetCultureInfo(language == "da" ? "da-DK" : language);

    [GeneratedRegex(@"\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b")]
    private static partial Regex PascalCaseWord();

    [GeneratedRegex(@"\b\w+\b")]
    private static partial Regex Word();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();
}
