using System.Globalization;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Web;
using CrmAlliance.Contracts;
using Microsoft.Extensions.Localization;

namespace CrmAlliance.Api.Features.Matches.Pages;

/// <summary>
/// A suggestion's reasons in the user's language, from the facts matching sent (<see cref="MatchReasons"/>), part for part
/// as matching's English line says them, with the shared DISCO group's title. Suggestions stored before the facts travelled keep their stored line.
/// </summary>
public static class MatchReasonText
{
    public static string Describe(MatchView match, IStringLocalizer<Text> text, ReferenceCatalog catalog)
        => match.Reasons is { } reasons ? Describe(reasons, text, catalog) : match.Explanation;

    public static string Describe(MatchReasons reasons, IStringLocalizer<Text> text, ReferenceCatalog catalog)
    {
        var culture = CultureInfo.CurrentUICulture;
        var level = Math.Clamp(reasons.SharedOccupationLevel, 0, 5);
        var code = reasons.VacancyOccupation[..Math.Min(reasons.SharedOccupationLevel, reasons.VacancyOccupation.Length)];

        // The group's title says what is shared better than the name of its level ("enhedsgruppe") would.
        var occupation = level switch
        {
            0 => text["Match.Reason.NoSharedGroup"].Value,
            < 5 => text["Match.Reason.SameGroup", Named(code, catalog.FindOccupationGroup(code), culture)].Value,
            _ => text["Match.Reason.SameOccupation", Named(code, catalog.FindOccupationGroup(code), culture)].Value,
        };
        var skills = reasons.RequiredSkills switch
        {
            0 => text["Match.Reason.NoSkills"].Value,
            1 => text["Match.Reason.SkillsOfOne", reasons.MatchedSkills].Value,
            _ => text["Match.Reason.Skills", reasons.MatchedSkills, reasons.RequiredSkills].Value,
        };
        var distance = reasons switch
        {
            { WorkplacePostcodeKnown: false } => text["Match.Reason.WorkplaceDistanceUnknown", reasons.WorkplacePostcode].Value,
            { DistanceKm: null } => text["Match.Reason.DistanceUnknown", reasons.CandidatePostcode].Value,
            _ when reasons.CandidatePostcode == reasons.WorkplacePostcode => text["Match.Reason.SamePostcode"].Value,
            { DistanceKm: var km } when Math.Round(km.Value, MidpointRounding.AwayFromZero) == 0 => text["Match.Reason.UnderOneKm"].Value,
            { DistanceKm: var km } => text["Match.Reason.Km", Math.Round(km.Value, MidpointRounding.AwayFromZero).ToString("0", culture)].Value,
        };
        var availability = reasons.AvailableFrom <= reasons.VacancyStart
            ? text["Match.Reason.Available"].Value
            : text["Match.Reason.AvailableFrom", reasons.AvailableFrom.ToString(text[reasons.AvailableFrom.Year == reasons.VacancyStart.Year ? "Match.Reason.DayMonth" : "Match.Reason.DayMonthYear"].Value, culture)].Value;
        return string.Join("; ", occupation, skills, distance, availability);
    }

    private static string Named(string code, Occupation? group, CultureInfo culture)
    {
        var title = culture.TwoLetterISOLanguageName == "da" ? group?.TitleDa ?? group?.Title : group?.Title;
        return title is null ? code : $"{code} {title}";
    }
}
