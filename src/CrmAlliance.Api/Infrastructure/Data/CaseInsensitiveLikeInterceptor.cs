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

    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
        => new Rewriter().Visit(queryExpression);

    private sealed class Rewriter : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
            => node.Method == Like
                ? Expression.Call(ILike, Visit(node.Arguments[0]), Visit(node.Arguments[1]), Visit(node.Arguments[2]))
                : base.VisitMethodCall(node);
    }
}
