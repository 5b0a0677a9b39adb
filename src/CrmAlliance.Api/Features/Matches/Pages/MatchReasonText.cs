using System.Globalization;
using CrmAlliance.Api.Web;
using CrmAlliance.Contracts;
using Microsoft.Extensions.Localization;

namespace CrmAlliance.Api.Features.Matches.Pages;

/// <summary>
/// A suggestion's reasons in the user's language, from the facts matching sent (<see cref="MatchReasons"/>), part for part
/// as matching's English line says them. Suggestions stored before the facts travelled keep their stored line.
/// </summary>
public static class MatchReasonText
{
    public static string Describe(MatchView match, IStringLocalizer<Text> text)
        => match.Reasons is { } reasons ? Describe(reasons, text) : match.Explanation;

    public static string Describe(MatchReasons reasons, IStringLocalizer<Text> text)
    {
        var culture = CultureInfo.CurrentUICulture;
        var level = Math.Clamp(reasons.SharedOccupationLevel, 0, 5);
        var code = reasons.VacancyOccupation[..Math.Min(reasons.SharedOccupationLevel, reasons.VacancyOccupation.Length)];
        var occupation = text[$"Match.Reason.Level{level}", code].Value;
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
}
