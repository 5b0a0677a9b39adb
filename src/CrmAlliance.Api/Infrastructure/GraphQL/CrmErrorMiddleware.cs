using CrmAlliance.Api.Core;
using GraphQL;
using GraphQL.Instrumentation;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

/// <summary>
/// Turns the core's refusals into GraphQL errors: one error per invalid field, each with
/// <c>extensions.code</c> and <c>extensions.field</c>. The last is thrown, so GraphQL nulls the field
/// (or its nullable parent) exactly as for any resolver error.
/// </summary>
public sealed class CrmErrorMiddleware : IFieldMiddleware
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (CrmException ex)
        {
            var errors = ToErrors(ex, context);
            foreach (var error in errors.Take(errors.Count - 1))
            {
                context.Errors.Add(error);
            }

            throw errors[^1];
        }
    }

    private static List<CrmExecutionError> ToErrors(CrmException ex, IResolveFieldContext context)
    {
        var hasInput = context.FieldDefinition.Arguments?.Find("input") is not null;
        string? Qualify(string? field) => field is null || !hasInput || field.StartsWith("input.", StringComparison.Ordinal) ? field : "input." + field;

        var errors = ex is ValidationException validation
            ? validation.Errors.Select(e => new CrmExecutionError(ErrorCodes.Validation, $"{Qualify(e.Field)}: {e.Message}", Qualify(e.Field), null)).ToList()
            : [new CrmExecutionError(ex.Code, ex.Message, Qualify(ex.Field), (ex as RuleViolationException)?.Rule)];
        foreach (var error in errors)
        {
            error.AddLocation(context.FieldAst, context.Document);
            error.Path = context.Path;
        }

        return errors;
    }
}
