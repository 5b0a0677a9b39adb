using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Features.Matches.Pages;
using CrmAlliance.Api.Web;
using CrmAlliance.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CrmAlliance.UnitTests.Web.Components;

/// <summary>A suggestion's reasons on the web pages: matching's facts in the user's language, with the real texts.</summary>
public sealed class MatchReasonTextTests : ComponentTest
{
    private static readonly DateOnly Start = new(2027, 1, 7);

    private IStringLocalizer<Text> T => Services.GetRequiredService<IStringLocalizer<Text>>();

    public static TheoryData<MatchReasons, string, string> Cases => new()
    {
        {
            new("432110", 4, 2, 2, "9000", true, "9200", 7.2, Start, Start),
            "samme enhedsgruppe 4321; 2 af 2 kompetencer; 7 km; til rådighed",
            "same occupation group 4321; 2 of 2 skills; 7 km; available"
        },
        {
            new("432110", 3, 0, 0, "9000", true, "9000", 0, Start.AddDays(14), Start),
            "samme mindre gruppe 432; ingen krav om kompetencer; samme postnummer; til rådighed fra 21. jan.",
            "same minor group 432; no skills required; same postcode; available from 21 Jan"
        },
        {
            new("432110", 2, 1, 1, "9000", true, "9001", 0.4, new DateOnly(2028, 3, 15), Start),
            "samme undergruppe 43; 1 af 1 kompetence; under 1 km; til rådighed fra 15. mar. 2028",
            "same sub-major group 43; 1 of 1 skill; under 1 km; available from 15 Mar 2028"
        },
        {
            new("432110", 1, 0, 3, "9000", true, "0999", null, Start, Start),
            "samme hovedgruppe 4; 0 af 3 kompetencer; afstand ukendt (kandidatens postnummer 0999); til rådighed",
            "same major group 4; 0 of 3 skills; distance unknown (candidate's postcode 0999); available"
        },
        {
            new("432110", 0, 0, 0, "0998", false, "9000", null, Start, Start),
            "ingen fælles hovedgruppe; ingen krav om kompetencer; afstand ukendt (arbejdsstedets postnummer 0998); til rådighed",
            "no shared occupation group; no skills required; distance unknown (workplace postcode 0998); available"
        },
        {
            new("432110", 6, 0, 0, "9000", true, "9000", 0, Start, Start),
            "samme stilling 432110; ingen krav om kompetencer; samme postnummer; til rådighed",
            "same occupation 432110; no skills required; same postcode; available"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_reasons_read_in_Danish_and_in_English_when_the_user_chose_English(MatchReasons reasons, string danish, string english)
    {
        Assert.Equal(danish, MatchReasonText.Describe(reasons, T));
        InEnglish();
        Assert.Equal(english, MatchReasonText.Describe(reasons, T));
    }

    [Fact]
    public void A_suggestion_stored_before_the_facts_travelled_keeps_its_stored_line()
    {
        var match = new MatchView(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, 0.9, "same occupation 9321; 3 km; available", MatchStatus.Suggested, DateTimeOffset.UtcNow, null, null, null, null, 1);

        Assert.Equal("same occupation 9321; 3 km; available", MatchReasonText.Describe(match, T));
        Assert.Equal("samme enhedsgruppe 9321; ingen krav om kompetencer; samme postnummer; til rådighed", MatchReasonText.Describe(match with { Reasons = new("932110", 4, 0, 0, "9000", true, "9000", 0, Start, Start) }, T));
    }
}
