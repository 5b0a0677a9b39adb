using CrmAlliance.Api.Core;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Instrumentation;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

/// <summary>
/// Turns the core's refusals into GraphQL errors: one error per invalid field, each with
/// <c>extensions.code</c> and <c>extensions.field</c>. The field itself resolves to null (and a null
/// in a non-null field makes its parent null, as the GraphQL specification says).
/// </summary>
public sealed class CrmErrorMiddleware : IFieldMiddleware
{
    /// <summary>GraphQL answers in English, whatever the request's culture (the web UI renders the same refusals in Danish).</summary>
    private static readonly System.Globalization.CultureInfo ApiLanguage = System.Globalization.CultureInfo.InvariantCulture;


    public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        ValueTask<object?> resolving;
        try
        {
            resolving = next(context);
        }
        catch (CrmException ex)
        {
            throw ToExecutionErrors(ex, context);
        }

        // Most fields (every scalar read from its object) resolve at once: no state machine for them (issue 13's profile).
        return resolving.IsCompletedSuccessfully ? new ValueTask<object?>(Reporting(resolving.Result, context)) : AwaitedAsync(resolving, context);
    }

    private static async ValueTask<object?> AwaitedAsync(ValueTask<object?> resolving, IResolveFieldContext context)
    {
        try
        {
            return Reporting(await resolving, context);
        }
        catch (CrmException ex)
        {
            throw ToExecutionErrors(ex, context);
        }
    }

    // A DataLoader runs the core later, outside the try: its refusals are reported the same way.
    private static object? Reporting(object? result, IResolveFieldContext context)
        => result is IDataLoaderResult pending ? new ReportingDataLoaderResult(pending, context) : result;

    /// <summary>
    /// Adds all but the last error to the result and returns the last one to throw: thrown, the executer
    /// locates it and nulls the field without a second "cannot return null" error on non-null fields.
    /// </summary>
    private static CrmExecutionError ToExecutionErrors(CrmException exception, IResolveFieldContext context)
    {
        var errors = exception is ValidationException { Errors.Count: > 0 } validation
            ? validation.Errors.Select(e => new CrmExecutionError(ErrorCodes.Validation, $"{InputPath(e.Field, context)}: {Refusals.Describe(e, ApiLanguage)}", InputPath(e.Field, context), e.Rule)).ToList()
            : [new CrmExecutionError(exception.Code, Refusals.Describe(exception, ApiLanguage), exception.Field is null ? null : InputPath(exception.Field, context), (exception as RuleViolationException)?.Rule)];

        foreach (var error in errors.SkipLast(1))
        {
            context.Errors.Add(Located(error, context));
        }

        return errors[^1];
    }

    private static string InputPath(string field, IResolveFieldContext context)
        => field.StartsWith("input.", StringComparison.Ordinal) || !HasInputArgument(context) ? field : "input." + field;

    private sealed class ReportingDataLoaderResult(IDataLoaderResult inner, IResolveFieldContext context) : IDataLoaderResult
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            try
            {
                var result = await inner.GetResultAsync(cancellationToken);
                return result is IDataLoaderResult chained ? new ReportingDataLoaderResult(chained, context) : result;
            }
            catch (CrmException ex)
            {
                throw ToExecutionErrors(ex, context);
            }
        }
    }

    private static bool HasInputArgument(IResolveFieldContext context) => context.FieldDefinition.Arguments?.Find("input") is not null;

    private static ExecutionError Located(ExecutionError error, IResolveFieldContext context)
    {
        error.AddLocation(context.FieldAst, context.Document);
        error.Path = context.Path;
        return error;
    }
}
