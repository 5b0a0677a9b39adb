using System.Text.Json;
using System.Text.Json.Serialization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Retention.Access;

/// <summary>Gathers the access report on one case reference; Admins only (GraphQL, the admin page, the JSON download and <c>candidate-access</c>).</summary>
public sealed class CandidateAccessQuery(CrmDbContext db, ICandidateAuditEntries audit, TimeProvider clock)
{
    /// <summary>The report as the JSON document that is downloaded and written by the command: indented, camelCase, enums by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void RequireReader(Actor actor) => actor.Require(Role.Admin);

    public async Task<CandidateAccessReport> ReportAsync(string? caseReference, Actor actor, CancellationToken cancellationToken)
    {
        RequireReader(actor);
        new Validator().Required(caseReference, "caseReference", 64).ThrowIfInvalid();
        var reference = caseReference!.Trim();

        // The refusal does not repeat the reference: what was typed may be a CPR number.
        var candidate = await db.Candidates.AsNoTracking().SingleOrDefaultAsync(c => c.CaseReference == reference, cancellationToken)
            ?? throw new NotFoundException("CaseReference", "", "caseReference");

        var placements = await (from p in db.Placements.AsNoTracking()
                                where p.CandidateId == candidate.Id
                                join company in db.Companies on p.CompanyId equals company.Id
                                join workplace in db.Workplaces on p.WorkplaceId equals workplace.Id
                                orderby p.PlannedStart, p.Id
                                select new { Placement = p, CompanyName = company.Name, company.Cvr, WorkplaceName = workplace.Name })
            .ToListAsync(cancellationToken);
        var placementIds = placements.Select(p => p.Placement.Id).ToList();
        var outcomes = (await db.Outcomes.AsNoTracking().Where(o => placementIds.Contains(o.PlacementId)).ToListAsync(cancellationToken))
            .ToLookup(o => o.PlacementId);
        var exemptions = (await db.RuleExemptions.AsNoTracking().Where(e => placementIds.Contains(e.PlacementId)).ToListAsync(cancellationToken))
            .ToLookup(e => e.PlacementId);
        var matches = await (from m in db.VacancyMatches.AsNoTracking()
                             where m.CandidateId == candidate.Id
                             join v in db.Vacancies on m.VacancyId equals v.Id
                             join company in db.Companies on v.CompanyId equals company.Id
                             orderby m.MatchedAt, m.Id
                             select new CandidateAccessMatch(v.Title, company.Name, m.Rank, m.Score, m.Explanation, m.Status.ToString(), m.MatchedAt, m.DecidedAt, m.DismissReason))
            .ToListAsync(cancellationToken);

        return new CandidateAccessReport(
            clock.GetUtcNow(),
            actor.Email,
            new CandidateAccessAttributes(
                candidate.Id, candidate.CaseReference, candidate.DisplayAlias, candidate.TargetGroup.ToString(), candidate.SoughtOccupations, candidate.Skills,
                candidate.EducationLevel.ToString(), candidate.HasWorkExperience, candidate.Postcode, candidate.AvailableFrom, candidate.LastEmployerCvr,
                candidate.CreatedAt, candidate.UpdatedAt, candidate.WithdrawnAt, candidate.WithdrawalReason, candidate.ErasedAt),
            [.. placements.Select(row =>
            {
                var p = row.Placement;
                return new CandidateAccessPlacement(
                    p.Id, row.CompanyName, row.Cvr, row.WorkplaceName, p.OfferKind.ToString(), p.Purpose?.ToString(), p.PlannedStart, p.PlannedEnd, p.ActualStart, p.ActualEnd,
                    p.Status.ToString(), p.EndReason,
                    p.EmployeeRepStatement is { } s ? new CandidateAccessStatement(s.RepresentativeName, s.GivenOn, s.IsPositive, s.Comment) : null,
                    [.. exemptions[p.Id].OrderBy(e => e.RecordedAt).Select(e => new CandidateAccessExemption(e.Rule.ToString(), e.Reason, e.RecordedAt))],
                    [.. outcomes[p.Id].OrderBy(o => o.MonthsAfterEnd).Select(o => new CandidateAccessOutcome(o.MonthsAfterEnd, o.EndResult?.ToString(), o.SelfSupporting, o.ObservedOn, o.RecordedAt, o.Source))],
                    p.CreatedAt);
            })],
            matches,
            await audit.ForCandidateAsync(candidate.Id, cancellationToken));
    }

    public static string ToJson(CandidateAccessReport report) => JsonSerializer.Serialize(report, Json);
}
