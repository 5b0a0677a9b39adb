using System.Net;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Infrastructure.Csv;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Exports;

/// <summary>An export as received: status, headers, the text (BOM kept) and its rows by column name.</summary>
public sealed record ExportResponse(HttpStatusCode Status, string? ContentType, string? FileName, string Body, string[] Header, List<Dictionary<string, string>> Rows)
{
    /// <summary>The rows whose <paramref name="column"/> is one of <paramref name="values"/>: a test's own rows among the others'.</summary>
    public List<Dictionary<string, string>> Where(string column, params object[] values)
    {
        var wanted = values.Select(v => v.ToString()).ToHashSet();
        return Rows.Where(r => wanted.Contains(r[column])).ToList();
    }

    public Dictionary<string, string> Single(string column, object value) => Assert.Single(Where(column, value));
}

public static class ExportScenario
{
    public static async Task<ExportResponse> ExportAsync(this HttpClient http, string table, string? period, string? separator = null)
    {
        var query = string.Join("&", new[] { period is null ? null : "period=" + Uri.EscapeDataString(period), separator is null ? null : "separator=" + separator }.OfType<string>());
        using var response = await http.GetAsync($"/exports/{table}.csv" + (query.Length > 0 ? "?" + query : ""));
        // The bytes as sent: ReadAsStringAsync would drop the BOM the test wants to see.
        var body = System.Text.Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        var csv = response.Content.Headers.ContentType?.MediaType == "text/csv";
        var records = csv ? CsvRecords.Parse(body.TrimStart('\uFEFF'), separator == "semicolon" ? ';' : ',').Select(r => r.Fields).ToList() : [];
        var header = records.FirstOrDefault() ?? [];
        var rows = records.Skip(1).Select(r => header.Zip(r).ToDictionary(x => x.First, x => x.Second)).ToList();
        return new ExportResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), body, header, rows);
    }

    /// <summary>A company with one workplace, stored directly (company registration is tested elsewhere).</summary>
    public static async Task<(Guid CompanyId, Guid WorkplaceId)> AddCompanyAsync(this CrmApiFactory factory)
    {
        await using var db = factory.NewDbContext();
        var cvr = TestData.NewCvr();
        var company = new Company { Cvr = cvr, Name = $"Eksport {cvr} ApS", IndustryCode = "620100", Address = "Vej 1", Postcode = "9000" };
        var workplace = new Workplace { CompanyId = company.Id, PNumber = TestData.NewPNumber(), Name = "Hovedkontor", Address = "Vej 1", Postcode = "9000", OrdinaryEmployees = 10 };
        db.AddRange(company, workplace);
        await db.SaveChangesAsync();
        return (company.Id, workplace.Id);
    }

    /// <summary>Placements at the workplace, each for a new candidate of <paramref name="targetGroup"/>, with the given actual dates.</summary>
    public static async Task<List<Placement>> AddPlacementsAsync(this CrmApiFactory factory, (Guid CompanyId, Guid WorkplaceId) at, TargetGroup targetGroup, params (DateOnly? Start, DateOnly? End)[] runs)
    {
        await using var db = factory.NewDbContext();
        var placements = new List<Placement>();
        foreach (var (start, end) in runs)
        {
            var candidate = new Candidate { CaseReference = TestData.NewCaseReference(), DisplayAlias = "Kandidat X" + placements.Count, Postcode = "9000", TargetGroup = targetGroup, AvailableFrom = TestData.Today };
            var planned = start ?? new DateOnly(2030, 1, 1);
            var placement = new Placement
            {
                CandidateId = candidate.Id,
                CompanyId = at.CompanyId,
                WorkplaceId = at.WorkplaceId,
                OfferKind = OfferKind.Internship,
                Purpose = InternshipPurpose.Hiring,
                PlannedStart = planned,
                PlannedEnd = end ?? planned.AddDays(27),
                ActualStart = start,
                ActualEnd = end,
                Status = start is null ? PlacementStatus.Proposed : end is null ? PlacementStatus.Active : PlacementStatus.Completed,
                ProposedBy = "test",
            };
            db.AddRange(candidate, placement);
            placements.Add(placement);
        }

        await db.SaveChangesAsync();
        return placements;
    }

    public static DateOnly Date(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
