using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrmAlliance.Api.Infrastructure.Data;

/// <summary>For dotnet-ef: builds each provider's context without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCrmDbContext>
{
    public SqliteCrmDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCrmDbContext>
{
    public SqlServerCrmDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqlServerCrmDbContext>().UseSqlServer("Server=design-time;Database=CrmAlliance;Trusted_Connection=True;TrustServerCertificate=True").Options);
}

public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlCrmDbContext>
{
    public PostgreSqlCrmDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PostgreSqlCrmDbContext>().UseNpgsql("Host=design-time;Database=crmalliance").Options);
}
