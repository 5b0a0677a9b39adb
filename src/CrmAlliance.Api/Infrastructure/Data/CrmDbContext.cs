using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.ContactLogs;
using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Pledges;
using CrmAlliance.Api.Features.Retention;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Features.Yield.Targets;
using CrmAlliance.Api.Infrastructure.Messaging;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Infrastructure.Data;

/// <summary>
/// The CRM's unit of work. Each provider has a subclass (<see cref="SqliteCrmDbContext"/>,
/// <see cref="SqlServerCrmDbContext"/>) so that each has its own migrations. It also holds the
/// data-protection key ring, so that every Api replica can read the others' bearer tokens and cookies.
/// </summary>
public abstract class CrmDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Contexts are pooled: what a request marked on its context must not reach the next request's. A transaction left
    // open is rolled back here, explicitly: disposing it tells no interceptor, and the SQLite writer queue would keep
    // its turn until its 30 s bound (PooledDbContextTests saw the next write time out in a full test run).
    public override void Dispose()
    {
        ForgottenSubjects.Clear(this);
        try
        {
            Database.CurrentTransaction?.Rollback();
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            // The connection is gone already: so is the transaction.
        }

        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async ValueTask DisposeAsync()
    {
        ForgottenSubjects.Clear(this);
        try
        {
            if (Database.CurrentTransaction is { } transaction)
            {
                await transaction.RollbackAsync();
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            // The connection is gone already: so is the transaction.
        }

        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<Workplace> Workplaces => Set<Workplace>();

    public DbSet<CompanyContact> CompanyContacts => Set<CompanyContact>();

    public DbSet<ContactLog> ContactLogs => Set<ContactLog>();

    public DbSet<Pledge> Pledges => Set<Pledge>();

    public DbSet<Vacancy> Vacancies => Set<Vacancy>();

    public DbSet<Candidate> Candidates => Set<Candidate>();

    public DbSet<Placement> Placements => Set<Placement>();

    public DbSet<RuleExemption> RuleExemptions => Set<RuleExemption>();

    public DbSet<Outcome> Outcomes => Set<Outcome>();

    public DbSet<VacancyMatch> VacancyMatches => Set<VacancyMatch>();

    public DbSet<YieldCell> YieldCells => Set<YieldCell>();

    public DbSet<YieldCompany> YieldCompanies => Set<YieldCompany>();

    public DbSet<YieldPlacementFact> YieldPlacementFacts => Set<YieldPlacementFact>();

    public DbSet<YieldVacancyFact> YieldVacancyFacts => Set<YieldVacancyFact>();

    public DbSet<YieldContactFact> YieldContactFacts => Set<YieldContactFact>();

    public DbSet<YieldPledgeFact> YieldPledgeFacts => Set<YieldPledgeFact>();

    public DbSet<YieldState> YieldState => Set<YieldState>();

    public DbSet<YieldChange> YieldChanges => Set<YieldChange>();

    public DbSet<YieldRebuildRun> YieldRebuildRuns => Set<YieldRebuildRun>();

    public DbSet<YieldRebuildBacklog> YieldRebuildBacklog => Set<YieldRebuildBacklog>();

    public DbSet<EffectTarget> EffectTargets => Set<EffectTarget>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<ConsumerFailure> ConsumerFailures => Set<ConsumerFailure>();

    public DbSet<RuleStamp> RuleStamps => Set<RuleStamp>();

    public DbSet<RetentionRun> RetentionRuns => Set<RetentionRun>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditSubjectKey> AuditSubjectKeys => Set<AuditSubjectKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and stable when members are reordered.
        configurationBuilder.Properties<OfferKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<TargetGroup>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Sector>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<MembershipStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ContactChannel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<VacancyStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<EducationLevel>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PlacementStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<InternshipPurpose>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<PlacementRule>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<EndResult>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<decimal>().HavePrecision(9, 2);
    }
}

public sealed class SqliteCrmDbContext(DbContextOptions<SqliteCrmDbContext> options) : CrmDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot order or compare DateTimeOffset text; stored as UTC ticks instead.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}

public sealed class SqlServerCrmDbContext(DbContextOptions<SqlServerCrmDbContext> options) : CrmDbContext(options);

/// <summary>
/// PostgreSQL, the server database CI runs. Npgsql writes a DateTimeOffset only with offset zero into
/// <c>timestamp with time zone</c>; the core hands out Danish-time instants too, so each is turned to UTC on the way in.
/// </summary>
public sealed class PostgreSqlCrmDbContext(DbContextOptions<PostgreSqlCrmDbContext> options) : CrmDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<DecimalWithoutTrailingZerosConverter>().HavePrecision(9, 2);
    }
}
