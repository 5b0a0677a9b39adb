using System.Globalization;
using System.Text.Json.Nodes;

namespace CrmAlliance.Benchmarks.ProjectionLag;

/// <summary>
/// Each change as a consultant makes it: the GraphQL mutation with its input, and what the read model must show
/// afterwards. A placement step whose queue is empty (early in the run) proposes a placement instead, and a
/// proposal without a fresh candidate logs a contact, so every slot of the schedule is a change.
/// </summary>
public sealed class ChangeOperations(GraphQLSession consultant, WorkPool pool)
{
    private static readonly string[] EndResults = ["ORDINARY_JOB", "EDUCATION", "BACK_ON_BENEFITS", "FLEX_JOB", "DROPPED_OUT"];
    private static readonly string[] Channels = ["PHONE", "EMAIL", "VISIT", "MEETING"];
    private int counter;

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public (ChangeKind Kind, Func<CancellationToken, Task<Expectation>> Run) Prepare(ChangeKind planned)
    {
        switch (planned)
        {
            case ChangeKind.ApprovePlacement when pool.Proposed.TryDequeue(out var proposed):
                return (planned, ct => StepAsync("approvePlacement", new { id = proposed.Id, version = proposed.Version }, pool.Approved, ReadModelCheck.None, ct));
            case ChangeKind.StartPlacement when pool.Approved.TryDequeue(out var approved):
                return (planned, ct => StepAsync("startPlacement", new { id = approved.Id, version = approved.Version, actualStart = Today }, pool.Started, ReadModelCheck.PlacementFact, ct));
            case ChangeKind.EndPlacement when pool.Started.TryDequeue(out var started):
                return (planned, ct => StepAsync("endPlacement", new { id = started.Id, version = started.Version, actualEnd = Today }, pool.Ended, ReadModelCheck.PlacementFactEnded, ct));
            case ChangeKind.RecordOutcome when pool.Ended.TryDequeue(out var ended):
                return (planned, ct => RecordOutcomeAsync(ended, ct));
            case ChangeKind.UpdatePledge when pool.Pledges.TryDequeue(out var pledge):
                return (planned, ct => UpdatePledgeAsync(pledge, ct));
            case ChangeKind.RecordPledge when pool.CompaniesWithoutFuturePledge.TryDequeue(out var pledging):
                return (planned, ct => RecordPledgeAsync(pledging, ct));
            case ChangeKind.EditCompanyAddress when pool.CompaniesToEdit.TryDequeue(out var company):
                return (planned, ct => EditAddressAsync(company, ct));
            case ChangeKind.PostVacancy:
                return (planned, PostVacancyAsync);
            case ChangeKind.ApprovePlacement or ChangeKind.StartPlacement or ChangeKind.EndPlacement or ChangeKind.RecordOutcome or ChangeKind.ProposePlacement
                when pool.Candidates.TryDequeue(out var candidate):
                return (ChangeKind.ProposePlacement, ct => ProposeAsync(candidate, ct));
            default:
                return (ChangeKind.LogContact, LogContactAsync);
        }
    }

    private async Task<Expectation> LogContactAsync(CancellationToken cancellationToken)
    {
        var company = pool.AnyCompany();
        var n = Interlocked.Increment(ref counter);
        var input = new { companyId = company.Id, occurredAt = DateTimeOffset.UtcNow.AddMinutes(-5), channel = Channels[n % Channels.Length], summary = $"Talked about next quarter's needs ({n})." };
        var id = (await consultant.SendAsync("mutation($input: LogContactInput!) { logContact(input: $input) { id } }", new { input }, cancellationToken))["logContact"]!["id"]!.GetValue<string>();
        return new(company.Key, ReadModelCheck.ContactFact, Ids.Of(id));
    }

    private async Task<Expectation> RecordPledgeAsync(CompanyRecord company, CancellationToken cancellationToken)
    {
        var input = new { companyId = company.Id, periodStart = "2031-01-01", periodEnd = "2031-12-31", ordinaryJobs = 2, internships = 1, mentors = 1 };
        var id = (await consultant.SendAsync("mutation($input: RecordPledgeInput!) { recordPledge(input: $input) { id } }", new { input }, cancellationToken))["recordPledge"]!["id"]!.GetValue<string>();
        return new(company.Key, ReadModelCheck.PledgeFactWithMentors, Ids.Of(id), 1);
    }

    /// <summary>One more workplace mentor: the read model shows it in the pledge's fact.</summary>
    private async Task<Expectation> UpdatePledgeAsync(JsonObject pledge, CancellationToken cancellationToken)
    {
        var mentors = pledge["mentors"]!.GetValue<int>() + 1;
        var input = new
        {
            id = pledge["id"]!.GetValue<string>(),
            version = pledge["version"]!.GetValue<int>(),
            periodStart = pledge["periodStart"]!.GetValue<string>(),
            periodEnd = pledge["periodEnd"]!.GetValue<string>(),
            ordinaryJobs = pledge["ordinaryJobs"]!.GetValue<int>(),
            internships = pledge["internships"]!.GetValue<int>(),
            wageSubsidyJobs = pledge["wageSubsidyJobs"]!.GetValue<int>(),
            adultApprenticeships = pledge["adultApprenticeships"]!.GetValue<int>(),
            flexJobs = pledge["flexJobs"]!.GetValue<int>(),
            mentors,
            targetGroups = pledge["targetGroups"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray(),
            note = pledge["note"]?.GetValue<string>(),
        };
        var updated = (await consultant.SendAsync("mutation($input: UpdatePledgeInput!) { updatePledge(input: $input) { version company { id } } }", new { input }, cancellationToken))["updatePledge"]!;
        pledge["mentors"] = mentors;
        pledge["version"] = updated["version"]!.GetValue<int>();
        pool.Pledges.Enqueue(pledge);
        return new(Ids.Of(updated["company"]!["id"]!.GetValue<string>()), ReadModelCheck.PledgeFactWithMentors, Ids.Of(input.id), mentors);
    }

    private async Task<Expectation> PostVacancyAsync(CancellationToken cancellationToken)
    {
        var company = pool.AnyCompany();
        var input = new
        {
            companyId = company.Id,
            workplaceId = company.WorkplaceId,
            offerKind = "ORDINARY_JOB",
            occupationCode = "5223",
            title = "Shop assistant",
            positions = 1,
            hoursPerWeek = 37,
            startDate = InDays(30),
            requiredSkills = new[] { "customer service", "till" },
            publish = true,
        };
        var id = (await consultant.SendAsync("mutation($input: PostVacancyInput!) { postVacancy(input: $input) { id } }", new { input }, cancellationToken))["postVacancy"]!["id"]!.GetValue<string>();
        var vacancy = Ids.Of(id);
        return new(vacancy, ReadModelCheck.VacancyFact, vacancy);
    }

    private async Task<Expectation> ProposeAsync(Guid candidate, CancellationToken cancellationToken)
    {
        var company = pool.AnyCompany();
        var input = new
        {
            candidateId = Ids.Candidate(candidate),
            companyId = company.Id,
            workplaceId = company.WorkplaceId,
            offerKind = "ORDINARY_JOB",
            plannedStart = Today,
            plannedEnd = InDays(90),
        };
        var placement = (await consultant.SendAsync("mutation($input: ProposePlacementInput!) { proposePlacement(input: $input) { id version } }", new { input }, cancellationToken))["proposePlacement"]!;
        var record = new PlacementRecord(placement["id"]!.GetValue<string>(), placement["version"]!.GetValue<int>());
        pool.Proposed.Enqueue(record);
        return new(record.Key, ReadModelCheck.None, record.Key);
    }

    private async Task<Expectation> StepAsync(string mutation, object input, System.Collections.Concurrent.ConcurrentQueue<PlacementRecord> then, ReadModelCheck check, CancellationToken cancellationToken)
    {
        var inputType = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        var placement = (await consultant.SendAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ id version }} }}", new { input }, cancellationToken))[mutation]!;
        var record = new PlacementRecord(placement["id"]!.GetValue<string>(), placement["version"]!.GetValue<int>());
        then.Enqueue(record);
        return new(record.Key, check, record.Key);
    }

    private async Task<Expectation> RecordOutcomeAsync(PlacementRecord placement, CancellationToken cancellationToken)
    {
        var input = new { placementId = placement.Id, monthsAfterEnd = 0, endResult = EndResults[Interlocked.Increment(ref counter) % EndResults.Length] };
        await consultant.SendAsync("mutation($input: RecordOutcomeInput!) { recordOutcome(input: $input) { monthsAfterEnd } }", new { input }, cancellationToken);
        return new(placement.Key, ReadModelCheck.PlacementFactWithEndResult, placement.Key);
    }

    /// <summary>A new street address: nothing the read model keeps, so the projection must skip it (its event still has to be consumed).</summary>
    private async Task<Expectation> EditAddressAsync(CompanyRecord company, CancellationToken cancellationToken)
    {
        var node = company.Node;
        company.Edits++;
        var input = new
        {
            id = company.Id,
            version = company.Version,
            name = node["name"]!.GetValue<string>(),
            industryCode = node["industryCode"]!.GetValue<string>(),
            address = $"Vesterbro {company.Edits + 1}",
            postcode = node["postcode"]!.GetValue<string>(),
            sector = node["sector"]!.GetValue<string>(),
            membershipStatus = node["membershipStatus"]!.GetValue<string>(),
            joinedOn = node["joinedOn"]?.GetValue<string>(),
            responsibleConsultantId = node["responsibleConsultantId"]?.GetValue<string>(),
        };
        try
        {
            var updated = (await consultant.SendAsync("mutation($input: UpdateCompanyInput!) { updateCompany(input: $input) { version } }", new { input }, cancellationToken))["updateCompany"]!;
            company.Version = updated["version"]!.GetValue<int>();
        }
        finally
        {
            pool.CompaniesToEdit.Enqueue(company);
        }

        return new(company.Key, ReadModelCheck.None, company.Key);
    }
}
