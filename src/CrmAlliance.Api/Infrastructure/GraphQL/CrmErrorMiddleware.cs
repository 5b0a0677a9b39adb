using CrmAlliance.Api.Core;
using GraphQL;
using GraphQL.Instrumentation;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

/// <summary>
/// Turns the core's refusals into GraphQL errors: one error per invalid field, each with
/// <c>extensions.code</c> and <c>extensions.field</c>. The field itself resolves to null (and a non-null
/// field's parent, as the GraphQL specification says).
/// </summary>
public sealed class CrmErrorMiddleware : IFieldMiddleware
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ValidationException ex)
        {
            var errors = ex.Errors
                .Select(error => (error, field: error.Field.StartsWith("input.", StringComparison.Ordinal) || !HasInputArgument(context) ? error.Field : "input." + error.Field))
                .Select(e => new CrmExecutionError(ErrorCodes.Validation, $"{e.field}: {e.error.Message}", e.field, null))
                .ToList();
            foreach (var error in errors.SkipLast(1))
            {
                context.Errors.Add(Located(error, context));
            }

            // Thrown, not returned as null: GraphQL.NET then nulls the field (and a non-null parent)
            // without adding a second, meaningless "Error trying to resolve field" error.
            throw errors.Count > 0 ? errors[^1] : new CrmExecutionError(ErrorCodes.Validation, ex.Message, ex.Field, null);
        }
        catch (CrmException ex)
        {
            var rule = (ex as RuleViolationException)?.Rule;
            var field = ex.Field is null || ex.Field.StartsWith("input.", StringComparison.Ordinal) || !HasInputArgument(context) ? ex.Field : "input." + ex.Field;
            throw new CrmExecutionError(ex.Code, ex.Message, field, rule);
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
