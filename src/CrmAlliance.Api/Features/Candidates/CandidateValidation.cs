using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.ReferenceData;

namespace CrmAlliance.Api.Features.Candidates;

/// <summary>The editable details of a candidate, shared by registration and update.</summary>
public interface ICandidateDetails
{
    string CaseReference { get; }

    TargetGroup TargetGroup { get; }

    IReadOnlyList<string> SoughtOccupations { get; }

    IReadOnlyList<string>? Skills { get; }

    EducationLevel EducationLevel { get; }

    bool HasWorkExperience { get; }

    string Postcode { get; }

    DateOnly AvailableFrom { get; }

    string? LastEmployerCvr { get; }
}

/// <summary>The candidate's fields as checked and normalised before they are stored.</summary>
public sealed record CheckedCandidateDetails(string CaseReference, List<string> SoughtOccupations, List<string> Skills, string? LastEmployerCvr);

public static class CandidateValidation
{
    public const int MaxCaseReferenceLength = 64;
    public const int MaxSoughtOccupations = 10;

    /// <summary>
    /// A case-system reference, never a CPR number: the CRM holds citizens pseudonymously. The value is
    /// not repeated in the message, so a refused CPR number does not end up in logs or screenshots.
    /// </summary>
    public static Validator CheckCaseReference(this Validator v, string? caseReference, string field)
    {
        v.Required(caseReference, field, MaxCaseReferenceLength);
        v.Check(!IsAnonymousKey(caseReference), field, RefusalText.Of("Candidates.ReservedReference", ("prefix", AnonymousKeyPrefix)));
        return v.Check(
            !CprNumbers.AppearIn(caseReference),
            field,
            RefusalText.Of("Candidates.CprLike"));
    }

    /// <summary>What an erased candidate's case reference starts with; refused in real references so that the two never collide.</summary>
    public const string AnonymousKeyPrefix = "SLETTET-";

    public static bool IsAnonymousKey(string? caseReference)
        => caseReference is not null && caseReference.TrimStart().StartsWith(AnonymousKeyPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The anonymous key that replaces an erased candidate's case reference: the reserved prefix and the candidate's id
    /// written in the letters a–p (no digits, so no run of them can look like a CPR number), nothing of the old reference.
    /// </summary>
    public static string AnonymousKey(Guid candidateId)
        => AnonymousKeyPrefix + string.Concat(candidateId.ToString("N").Select(hex => (char)('A' + Convert.ToInt32(hex.ToString(), 16))));

    /// <summary>Checks every field, collecting all errors, and returns the values to store.</summary>
    public static CheckedCandidateDetails Check(ICandidateDetails details, ReferenceCatalog catalog)
    {
        var v = new Validator();
        var checkedDetails = Check(v, details, catalog);
        v.ThrowIfInvalid();
        return checkedDetails;
    }

    /// <summary>
    /// Checks every field into <paramref name="v"/> without throwing (the CSV import reports rather than
    /// throws) and returns the normalised values, which are only meaningful when <paramref name="v"/> stays valid.
    /// </summary>
    public static CheckedCandidateDetails Check(Validator v, ICandidateDetails details, ReferenceCatalog catalog)
    {
        v.CheckCaseReference(details.CaseReference.Trim(), "caseReference");
        var occupations = details.SoughtOccupations.Select(o => o.Trim()).Distinct().ToList();
        v.Check(occupations.Count is >= 1 and <= MaxSoughtOccupations, "soughtOccupations", RefusalText.Of("Candidates.OccupationCount", ("max", MaxSoughtOccupations), ("count", occupations.Count)));
        foreach (var code in occupations)
        {
            v.CheckOccupation(catalog, code, "soughtOccupations");
        }

        var skills = v.CheckSkills(details.Skills, "skills");
        v.CheckPostcode(catalog, details.Postcode, "postcode");
        var cvr = string.IsNullOrWhiteSpace(details.LastEmployerCvr) ? null : details.LastEmployerCvr.Trim();
        v.Check(cvr is null || DanishIdentifiers.IsValidCvr(cvr), "lastEmployerCvr", RefusalText.Of("Core.NotACvr", ("value", cvr)));

        return new CheckedCandidateDetails(details.CaseReference.Trim(), occupations, skills, cvr);
    }

    public static void Apply(Candidate candidate, ICandidateDetails details, CheckedCandidateDetails checkedDetails)
    {
        candidate.CaseReference = checkedDetails.CaseReference;
        candidate.TargetGroup = details.TargetGroup;
        candidate.SoughtOccupations = checkedDetails.SoughtOccupations;
        candidate.Skills = checkedDetails.Skills;
        candidate.EducationLevel = details.EducationLevel;
        candidate.HasWorkExperience = details.HasWorkExperience;
        candidate.Postcode = details.Postcode;
        candidate.AvailableFrom = details.AvailableFrom;
        candidate.LastEmployerCvr = checkedDetails.LastEmployerCvr;
    }

    /// <summary>
    /// What company users see instead of the case reference: "Kandidat " and hex digits from the random end
    /// of the candidate's id, never anything derived from the reference. <paramref name="digits"/> grows
    /// when a shorter alias is already taken.
    /// </summary>
    public static string DisplayAlias(Guid candidateId, int digits = 4)
        => "Kandidat " + candidateId.ToString("N")[^digits..].ToUpperInvariant();
}
