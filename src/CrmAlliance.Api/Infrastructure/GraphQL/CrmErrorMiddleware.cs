using CrmAlliance.Api.Core;
using GraphQL;
using GraphQL.Instrumentation;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

/// <summary>
/// Turns the core's refusals into GraphQL errors: one error per invalid field, each with
/// <c>extensions.code</c> and <c>extensions.field</c>. The field itself resolves to null.
/// </summary>
/// <remarks>
/// The last error is thrown rather than added, so that GraphQL.NET treats the field as failed: a failed
/// non-null field then nulls its parent as the spec says, instead of reporting a second
/// "Cannot return null for a non-null type" error with code INVALID_OPERATION.
/// </remarks>
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
                .Select(error =>
                {
                    var field = error.Field.StartsWith("input.", StringComparison.Ordinal) || !HasInputArgument(context) ? error.Field : "input." + error.Field;
                    return new CrmExecutionError(ErrorCodes.Validation, $"{field}: {error.Message}", field, null);
                })
                .DefaultIfEmpty(new CrmExecutionError(ErrorCodes.Validation, ex.Message, ex.Field, null))
                .ToList();
            foreach (var error in errors.SkipLast(1))
            {
                context.Errors.Add(Located(error, context));
            }

            // GraphQL.NET adds the location and path of a thrown ExecutionError itself.
            throw errors[^1];
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
