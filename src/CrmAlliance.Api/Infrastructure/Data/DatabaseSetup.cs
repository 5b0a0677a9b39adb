using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Infrastructure.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// SQLite file under the repository's git-ignored data/ folder by default; SQL Server with
    /// <c>Database:Provider=SqlServer</c> and <c>ConnectionStrings:Crm</c>. Each has its own migrations.
    /// </summary>
    public static IServiceCollection AddCrmDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Crm");
        if (provider.Equals("SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Crm is not set.");
            }

            services.AddDbContext<CrmDbContext, SqlServerCrmDbContext>((sp, o) => o.UseSqlServer(connectionString).AddInterceptors(sp.GetRequiredService<SourceChangeEvents>(), sp.GetRequiredService<OutboxCommitInterceptor>()));
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            connectionString ??= $"Data Source={DefaultSqliteFile(environment.ContentRootPath)}";
            services.AddDbContext<CrmDbContext, SqliteCrmDbContext>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(sp.GetRequiredService<SourceChangeEvents>(), sp.GetRequiredService<OutboxCommitInterceptor>(), SqliteBusyTimeoutInterceptor.Instance));
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is unknown: use Sqlite or SqlServer.");
        }

        // Wakes the outbox dispatcher when a commit wrote events.
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitInterceptor>();

        // Stages the events of company, contact and pledge changes (first, so the commit signal sees them).
        services.AddSingleton<SourceChangeEvents>();

        return services;
    }

    /// <summary>data/crmalliance.db at the repository root (found by CrmAlliance.sln), else under the content root.</summary>
    public static string DefaultSqliteFile(string contentRoot)
    {
        var directory = new DirectoryInfo(contentRoot);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CrmAlliance.sln")))
        {
            directory = directory.Parent;
        }

        var dataFolder = Path.Combine(directory?.FullName ?? contentRoot, "data");
        Directory.CreateDirectory(dataFolder);
        return Path.Combine(dataFolder, "crmalliance.db");
    }

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
