using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmAlliance.Api.Infrastructure.Data;

/// <summary>
/// The name searches use <c>EF.Functions.Like</c>, which ignores case on SQLite (ASCII) and SQL Server (the collation)
/// but not on PostgreSQL. On PostgreSQL every such call becomes <c>ILIKE</c> before the query is compiled, so a search
/// finds "Aalborg" from "aalborg" — and "Ærø" from "ærø" — on every provider without each query asking which one runs.
/// </summary>
public sealed class CaseInsensitiveLikeInterceptor : IQueryExpressionInterceptor
{
    public static readonly CaseInsensitiveLikeInterceptor Instance = new();

    private static readonly Type[] Plain = [typeof(DbFunctions), typeof(string), typeof(string)];
    private static readonly Type[] WithEscape = [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)];

    private static readonly Dictionary<MethodInfo, MethodInfo> ToILike = new()
    {
        [typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), Plain)!] = typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike), Plain)!,
        [typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), WithEscape)!] = typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike), WithEscape)!,
    };

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
        => new Rewriter().Visit(queryExpression);

    private sealed class Rewriter : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
            => ToILike.TryGetValue(node.Method, out var ilike)
                ? Expression.Call(ilike, node.Arguments.Select(Visit)!)
                : base.VisitMethodCall(node);
    }
}
