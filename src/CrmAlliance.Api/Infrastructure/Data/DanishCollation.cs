using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CrmAlliance.Api.Infrastructure.Data;

/// <summary>
/// Names sort as a Danish reader expects: case ignored, Æ, Ø and Å after Z (and "Aa" with Å). SQLite compares text
/// byte by byte (Å before Æ, every capital before every small letter), so each SQLite connection gets a collation of
/// ours (<see cref="SqliteCollationInterceptor"/>); SQL Server and PostgreSQL (through ICU) have one built in.
/// </summary>
public static class DanishCollation
{
    public const string SqliteName = "DANISH";
    public const string SqlServerName = "Danish_Norwegian_CI_AS";
    public const string PostgreSqlName = "da-DK-x-icu";

    private static readonly CompareInfo Danish = CultureInfo.GetCultureInfo("da-DK").CompareInfo;

    private static readonly MethodInfo Collate = typeof(RelationalDbFunctionsExtensions)
        .GetMethod(nameof(RelationalDbFunctionsExtensions.Collate))!.MakeGenericMethod(typeof(string));

    /// <summary>The comparison the SQLite collation uses; also for lists sorted in memory.</summary>
    public static int Compare(string? x, string? y) => Danish.Compare(x, y, CompareOptions.IgnoreCase);

    /// <summary>Orders by a text column in Danish order, in the database (an index on the column is not used for it).</summary>
    public static IOrderedQueryable<T> OrderByDanish<T>(this IQueryable<T> query, DatabaseFacade database, Expression<Func<T, string>> key, bool descending = false)
    {
        var collation = CollationFor(database);
        var collated = Expression.Lambda<Func<T, string>>(
            Expression.Call(Collate, Expression.Constant(EF.Functions), key.Body, Expression.Constant(collation)),
            key.Parameters);
        return descending ? query.OrderByDescending(collated) : query.OrderBy(collated);
    }

    /// <summary>
    /// The provider's Danish collation, found once per provider: IsSqlServer and IsNpgsql read the provider's assembly
    /// name on every call (Assembly.GetName), which was a visible share of a <c>companies</c> page (issue 13).
    /// </summary>
    private static string CollationFor(DatabaseFacade database)
    {
        var provider = database.GetService<IDatabaseProvider>().GetType();
        if (!Collations.TryGetValue(provider, out var collation))
        {
            collation = database.IsSqlServer() ? SqlServerName : database.IsNpgsql() ? PostgreSqlName : SqliteName;
            Collations[provider] = collation;
        }

        return collation;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, string> Collations = new();

    /// <summary>Registers the collation on every SQLite connection the context opens (it lives only as long as the connection).</summary>
    public sealed class SqliteCollationInterceptor : DbConnectionInterceptor
    {
        public static readonly SqliteCollationInterceptor Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
            => ((SqliteConnection)connection).CreateCollation(SqliteName, Compare);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            ConnectionOpened(connection, eventData);
            return Task.CompletedTask;
        }
    }
}
