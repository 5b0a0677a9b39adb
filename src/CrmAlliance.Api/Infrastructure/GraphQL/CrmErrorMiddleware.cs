using CrmAlliance.Api.Core;
using GraphQL;
using GraphQL.Instrumentation;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

/// <summary>
/// Turns the core's refusals into GraphQL errors: one error per invalid field, each with
/// <c>extensions.code</c> and <c>extensions.field</c>. The field itself resolves to null.
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
            foreach (var error in ex.Errors)
            {
                var field = error.Field.StartsWith("input.", StringComparison.Ordinal) || !HasInputArgument(context) ? error.Field : "input." + error.Field;
                context.Errors.Add(Located(new CrmExecutionError(ErrorCodes.Validation, $"{field}: {error.Message}", field, null), context));
            }

            return null;
        }
        catch (CrmException ex)
        {
            var rule = (ex as RuleViolationException)?.Rule;
            var field = ex.Field is null || ex.Field.StartsWith("input.", StringComparison.Ordinal) || !HasInputArgument(context) ? ex.Field : "input." + ex.Field;
            context.Errors.Add(Located(new CrmExecutionError(ex.Code, ex.Message, field, rule), context));
            return null;
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
