using System.Diagnostics;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.ContactLogs;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Features.Pledges;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Data.Bulk;
using CrmAlliance.DataGeneration.Writing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CrmAlliance.DataGeneration;

/// <summary>What a seed run wrote: rows per table, the generator's own counts, and how long it took.</summary>
public sealed record SeedResult(IReadOnlyDictionary<string, long> RowsWritten, SeedStatistics Statistics, TimeSpan Elapsed);

/// <summary>The database already holds data: seeding is only for an empty one.</summary>
public sealed class SeedRefusedException(string message) : Exception(message);

/// <summary>
/// Writes the synthetic data set into an empty database in one transaction, with the bulk writer on the
/// context's own connection: everything or, when cancelled or failing, nothing. No bus events are written.
/// </summary>
public sealed class SyntheticDataGenerator(CrmDbContext db, ReferenceCatalog catalog, IOptions<PlacementRulesOptions> rules, TimeProvider clock)
{

    public async Task<SeedResult> GenerateAsync(SeedOptions options, ISeedProgress progress, CancellationToken cancellationToken)
    {
        var problems = options.Problems(DanishCalendar.Today(clock));
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        await RefuseUnlessEmptyAsync(cancellationToken);
        var consultantRole = Role.Consultant.ToString().ToUpperInvariant();
        var roleId = await db.Roles.Where(r => r.NormalizedName == consultantRole).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("The Consultant role does not exist yet: start the Api (or any command) once so that it creates the roles.");

        var clockwatch = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var sqlite = db.Database.IsSqlite() ? new SqliteLoadSettings(db.Database.GetDbConnection()) : null;
        try
        {
            if (sqlite is not null)
            {
                await sqlite.ApplyAsync(cancellationToken);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            using var writer = new BulkWriter(db);
            var sink = new BulkSink(writer, progress);
            var connection = db.Database.GetDbConnection();
            var dbTransaction = transaction.GetDbTransaction();
            var indexes = new SqliteIndexes();
            if (sqlite is not null)
            {
                await indexes.DropAsync(connection, dbTransaction, writer.Tables.Select(t => t.Label).Where(t => !t.StartsWith("AspNet", StringComparison.Ordinal)), cancellationToken);
            }

            var statistics = await SyntheticDataSet.WriteAsync(options, catalog, rules.Value, roleId, sink, progress, cancellationToken);
            await writer.FlushAsync(cancellationToken);
            if (indexes.Count > 0)
            {
                progress.PhaseStarted("indexes", indexes.Count);
                await indexes.CreateAsync(connection, dbTransaction, () => progress.Advanced(1), cancellationToken);
                progress.PhaseCompleted();
            }

            // Past this point the run is not interrupted: the commit is one step.
            await transaction.CommitAsync(CancellationToken.None);
            return new SeedResult(writer.Tables.ToDictionary(t => t.Label, t => t.Written), statistics, clockwatch.Elapsed);
        }
        finally
        {
            if (sqlite is not null)
            {
                await sqlite.RestoreAsync();
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task RefuseUnlessEmptyAsync(CancellationToken cancellationToken)
    {
        var companies = await db.Companies.CountAsync(cancellationToken);
        if (companies > 0)
        {
            throw new SeedRefusedException($"The database already has {companies:N0} compan{(companies == 1 ? "y" : "ies")}: seed fills an empty database only. Point --ConnectionStrings:Crm at a new file (or an empty database) and run it again.");
        }

        var domain = "@" + CompanyBuilder.ConsultantDomain.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail!.EndsWith(domain), cancellationToken))
        {
            throw new SeedRefusedException($"The database already has consultants of a synthetic data set (e-mail ending {domain.ToLowerInvariant()}): seed fills an empty database only.");
        }
    }

    /// <summary>Sends each row to its table's bulk writer; parents are flushed before children.</summary>
    private sealed class BulkSink : ISeedSink
    {
        private readonly Dictionary<Type, BulkTable> tables;

        public BulkSink(BulkWriter writer, ISeedProgress progress)
        {
            var users = writer.Table<ApplicationUser>();
            var userRoles = writer.Table<IdentityUserRole<string>>(users);
            var companies = writer.Table<Company>();
            var workplaces = writer.Table<Workplace>(companies);
            var contacts = writer.Table<CompanyContact>(companies);
            var pledges = writer.Table<Pledge>(companies);
            var contactLogs = writer.Table<ContactLog>(companies);
            var vacancies = writer.Table<Vacancy>(companies, workplaces);
            var candidates = writer.Table<Candidate>();
            var placements = writer.Table<Placement>(candidates, companies, workplaces, vacancies);
            var exemptions = writer.Table<RuleExemption>(placements);
            var outcomes = writer.Table<Outcome>(placements);
            tables = new Dictionary<Type, BulkTable>
            {
                [typeof(ApplicationUser)] = users,
                [typeof(IdentityUserRole<string>)] = userRoles,
                [typeof(Company)] = companies,
                [typeof(Workplace)] = workplaces,
                [typeof(CompanyContact)] = contacts,
                [typeof(Pledge)] = pledges,
                [typeof(ContactLog)] = contactLogs,
                [typeof(Vacancy)] = vacancies,
                [typeof(Candidate)] = candidates,
                [typeof(Placement)] = placements,
                [typeof(RuleExemption)] = exemptions,
                [typeof(Outcome)] = outcomes,
            };
            foreach (var table in tables.Values)
            {
                table.Flushed = t => progress.RowsWritten(t.Label, t.Written);
            }
        }

        public ValueTask AddAsync(object row, CancellationToken cancellationToken) => tables[row.GetType()].AddAsync(row, cancellationToken);
    }
}
