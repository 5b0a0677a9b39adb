using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CrmAlliance.IntegrationTests.Infrastructure.Data;

/// <summary>
/// No SQL Server runs on our machines, so schema/sqlserver.sql is parsed with Microsoft's own T-SQL parser (ScriptDom,
/// SQL Server 2022's dialect, the version docker-compose runs): a syntax error cannot ship. Statements that migrations
/// pass as raw SQL are wrapped in <c>EXEC(N'…')</c> by the idempotent script; the parser sees those as strings.
/// </summary>
public sealed class SqlServerScriptTests
{
    [Fact]
    public void The_SQL_Server_script_is_valid_T_SQL_for_SQL_Server_2022()
    {
        var script = File.ReadAllText(Path.Combine(Snapshots.RepositoryRoot(), "schema", "sqlserver.sql"));

        var errors = Parse(script);

        Assert.True(errors.Count == 0, "schema/sqlserver.sql does not parse: " + string.Join("; ", errors.Take(5).Select(e => $"line {e.Line}: {e.Message}")));
        Assert.True(script.Length > 10_000, "The script is unexpectedly short: was it generated?");
    }

    [Fact]
    public void The_parser_finds_a_syntax_error_in_the_script()
    {
        var script = File.ReadAllText(Path.Combine(Snapshots.RepositoryRoot(), "schema", "sqlserver.sql"));
        var broken = script.Replace("CREATE TABLE [Companies]", "CREATE TABEL [Companies]", StringComparison.Ordinal);
        Assert.NotEqual(script, broken);

        Assert.NotEmpty(Parse(broken));
    }

    private static IList<ParseError> Parse(string script)
    {
        using var reader = new StringReader(script);
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        return errors;
    }
}
