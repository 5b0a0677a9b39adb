using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CrmAlliance.Api.Infrastructure.Data;

/// <summary>
/// A compiled query (EF.CompileAsyncQuery) per EF model. EF binds a compiled query to the model of the first context
/// that runs it and refuses any other (CompiledQueryDifferentModel); one process can hold several models of the same
/// context type: the host's, and contexts built with other options (a command-line tool, a test).
/// </summary>
public sealed class PerModelCompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];

    public TQuery For(DbContext context)
        => _compiled.TryGetValue(context.Model, out var query) ? query : _compiled.GetValue(context.Model, _ => compile());
}
