using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Features.Matches.Pages;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Web;
using CrmAlliance.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CrmAlliance.UnitTests.Web.Components;

/// <summary>A suggestion's reasons on the web pages: matching's facts in the user's language, with the real texts and the shared DISCO group's title.</summary>
public sealed class MatchReasonTextTests : ComponentTest
{
    private static readonly DateOnly Start = new(2027, 1, 7);

    private IStringLocalizer<Text> T => Services.GetRequiredService<IStringLocalizer<Text>>();

    /// <summary>Built once: the real reference data, as the pages get it.</summary>
    private static readonly ReferenceCatalog Catalog = new();

    public static TheoryData<MatchReasons, string, string> Cases => new()
    {
        {
            new("432100", 4, 2, 2, "9000", true, "9200", 7.2, Start, Start),
            "samme DISCO-gruppe 4321 Lagerekspeditionsarbejde; 2 af 2 kompetencer; 7 km; til rådighed",
            "same DISCO group 4321 Stock clerks; 2 of 2 skills; 7 km; available"
        },
        {
            new("432100", 3, 0, 0, "9000", true, "9000", 0, Start.AddDays(14), Start),
            "samme DISCO-gruppe 432 Kontorarbejde inden for materialeregistrering og transport; ingen krav om kompetencer; samme postnummer; til rådighed fra 21. jan.",
            "same DISCO group 432 Material-recording and transport clerks; no skills required; same postcode; available from 21 Jan"
        },
        {
            new("432100", 2, 1, 1, "9000", true, "9001", 0.4, new DateOnly(2028, 3, 15), Start),
            "samme DISCO-gruppe 43 Almindeligt beregnings- og registreringsarbejde; 1 af 1 kompetence; under 1 km; til rådighed fra 15. mar. 2028",
            "same DISCO group 43 Numerical and material recording clerks; 1 of 1 skill; under 1 km; available from 15 Mar 2028"
        },
        {
            new("432100", 1, 0, 3, "9000", true, "0999", null, Start, Start),
            "samme DISCO-gruppe 4 Almindeligt kontor- og kundeservicearbejde; 0 af 3 kompetencer; afstand ukendt (kandidatens postnummer 0999); til rådighed",
            "same DISCO group 4 Clerical support workers; 0 of 3 skills; distance unknown (candidate's postcode 0999); available"
        },
        {
            new("432100", 0, 0, 0, "0998", false, "9000", null, Start, Start),
            "ingen fælles DISCO-gruppe; ingen krav om kompetencer; afstand ukendt (arbejdsstedets postnummer 0998); til rådighed",
            "no shared DISCO group; no skills required; distance unknown (workplace postcode 0998); available"
        },
        {
            new("532120", 6, 0, 0, "9000", true, "9000", 0, Start, Start),
            "samme stilling 532120 Social- og sundhedsarbejde på institutioner og hospitaler, assistenter; ingen krav om kompetencer; samme postnummer; til rådighed",
            "same occupation 532120 Health care assistants; no skills required; same postcode; available"
        },
        {
            new("432199", 6, 0, 0, "9000", true, "9000", 0, Start, Start),
            "samme stilling 432199; ingen krav om kompetencer; samme postnummer; til rådighed",
            "same occupation 432199; no skills required; same postcode; available"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_reasons_read_in_Danish_and_in_English_when_the_user_chose_English(MatchReasons reasons, string danish, string english)
    {
        Assert.Equal(danish, MatchReasonText.Describe(reasons, T, Catalog));
        InEnglish();
        Assert.Equal(english, MatchReasonText.Describe(reasons, T, Catalog));
    }

    [Fact]
    public void A_suggestion_stored_before_the_facts_travelled_keeps_its_stored_line()
    {
        var match = new MatchView(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, 0.9, "same occupation 9321; 3 km; available", MatchStatus.Suggested, DateTimeOffset.UtcNow, null, null, null, null, 1);

        Assert.Equal("same occupation 9321; 3 km; available", MatchReasonText.Describe(match, T, Catalog));
        Assert.Equal("samme DISCO-gruppe 9321 Pakkeriarbejde; ingen krav om kompetencer; samme postnummer; til rådighed", MatchReasonText.Describe(match with { Reasons = new("932100", 4, 0, 0, "9000", true, "9000", 0, Start, Start) }, T, Catalog));
    }
}
