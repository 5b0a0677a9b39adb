using CrmAlliance.Api.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmAlliance.Api.Infrastructure.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// SQLite file under the repository's git-ignored data/ folder by default; SQL Server with
    /// <c>Database:Provider=SqlServer</c>, PostgreSQL with <c>Database:Provider=PostgreSql</c>, each with
    /// <c>ConnectionStrings:Crm</c>. Each provider has its own migrations.
    /// </summary>
    public static IServiceCollection AddCrmDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Pooled: a context, its options and EF's internal services per request were most of a one-row look-up's CPU
        // (issue 13's profile). The context holds no request state of its own (EF resets its tracker and connection when
        // it goes back to the pool), and every interceptor is a singleton, so the options are built once from the root.
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Crm");
        var isServer = provider.Equals("SqlServer", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase);
        if (isServer && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"Database:Provider is {provider} but ConnectionStrings:Crm is not set.");
        }

        if (provider.Equals("SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            services.AddDbContextPool<CrmDbContext, SqlServerCrmDbContext>((sp, o) => o.UseSqlServer(connectionString).AddInterceptors(SaveInterceptors(sp)).ConfigureWarnings(QuietExpectedFailures));
        }
        else if (provider.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            services.AddDbContextPool<CrmDbContext, PostgreSqlCrmDbContext>((sp, o) => o.UseNpgsql(connectionString).AddInterceptors(SaveInterceptors(sp)).AddInterceptors(CaseInsensitiveLikeInterceptor.Instance).ConfigureWarnings(QuietExpectedFailures));
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            connectionString ??= $"Data Source={DefaultSqliteFile(environment.ContentRootPath)}";
            services.AddDbContextPool<CrmDbContext, SqliteCrmDbContext>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(SaveInterceptors(sp)).AddInterceptors(SqliteBusyTimeoutInterceptor.Instance, DanishCollation.SqliteCollationInterceptor.Instance, sp.GetRequiredService<SqliteWriterQueue>()).ConfigureWarnings(QuietExpectedFailures));
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is unknown: use Sqlite, SqlServer or PostgreSql.");
        }

        services.AddSingleton<SqliteWriterQueue>();
        services.AddScoped<Commands.ICliCommand, BackupDatabaseCommand>();
        services.AddScoped<Commands.ICliCommand, MigrateDatabaseCommand>();

        // Wakes the outbox dispatcher when a commit wrote events.
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitInterceptor>();
        return services;
    }

    /// <summary>
    /// Adds a feature's save interceptor (e.g. one that stages outbox events for the rows a save changes) to every
    /// context. Features' interceptors run in registration order, before the outbox's commit signal looks for events.
    /// </summary>
    public static IServiceCollection AddSaveChangesInterceptor<TInterceptor>(this IServiceCollection services)
        where TInterceptor : class, ISaveChangesInterceptor
    {
        services.AddSingleton<TInterceptor>();
        services.AddSingleton(sp => new FeatureSaveInterceptor(sp.GetRequiredService<TInterceptor>()));
        return services;
    }

    /// <summary>
    /// EF logs every failed command and save at Error, with the SQL and a stack trace (several KB). Most are refusals
    /// by design — a lost race on a RuleStamp, a stale version, a duplicate key — answered as CONFLICT; an unexpected
    /// one is logged once by whoever handles it (GraphQL's INTERNAL_ERROR, a consumer's fault).
    /// </summary>
    private static void QuietExpectedFailures(WarningsConfigurationBuilder warnings)
        => warnings.Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug), (CoreEventId.OptimisticConcurrencyException, LogLevel.Debug));

    private static IInterceptor[] SaveInterceptors(IServiceProvider services)
        => [.. services.GetServices<FeatureSaveInterceptor>().Select(f => f.Interceptor), services.GetRequiredService<OutboxCommitInterceptor>()];

    private sealed record FeatureSaveInterceptor(ISaveChangesInterceptor Interceptor);

    /// <summary>crmalliance.db in the <see cref="DataFolder"/>.</summary>
    public static string DefaultSqliteFile(string contentRoot) => Path.Combine(DataFolder.Resolve(contentRoot), "crmalliance.db");

    /// <summary>Applies migrations; SQLite also gets write-ahead logging so readers never block the writer.</summary>
    public static async Task MigrateAsync(this CrmDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}
