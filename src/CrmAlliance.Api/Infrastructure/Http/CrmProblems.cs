using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Infrastructure.Http;

/// <summary>
/// The core's refusals as HTTP answers for endpoints outside GraphQL: an RFC 9457 problem body with the same
/// <c>code</c> and <c>field</c> GraphQL puts in <c>extensions</c>, and the status that says what went wrong.
/// </summary>
public static class CrmProblems
{
    public static int StatusOf(CrmException refusal) => refusal.Code switch
    {
        ErrorCodes.Validation => StatusCodes.Status400BadRequest,
        ErrorCodes.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public static IResult For(CrmException refusal)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = refusal.Code };
        if (refusal.Field is not null)
        {
            extensions["field"] = refusal.Field;
        }

        if (refusal is RuleViolationException violation)
        {
            extensions["rule"] = violation.Rule;
        }

        if (refusal is ValidationException { Errors.Count: > 1 } validation)
        {
            extensions["errors"] = validation.Errors.Select(e => new { field = e.Field, message = e.Message }).ToList();
        }

        return Results.Problem(statusCode: StatusOf(refusal), title: refusal.Message, extensions: extensions);
    }
}
