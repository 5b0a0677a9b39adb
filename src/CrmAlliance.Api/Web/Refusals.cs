using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Web;

/// <summary>
/// The one place where pages turn the core's refusals into what people read. Today that is the core's own message
/// (the same text GraphQL gives); when the Danish renderer of refusals lands, it is switched here and every page
/// follows. Pages never show an exception's type or stack trace.
/// </summary>
public static class Refusals
{
    /// <summary>The refusal as a sentence for the page.</summary>
    public static string Message(CrmException refusal) => refusal.Message;

    /// <summary>One invalid field as a sentence for the error summary, led by the field's label on the form.</summary>
    public static string FieldMessage(FieldError error, string label) => $"{label}: {error.Message}";

    /// <summary>The HTTP status a page answers with when the refusal is all it shows.</summary>
    public static int StatusCode(CrmException refusal) => refusal.Code switch
    {
        ErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorCodes.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The text key of the page heading for a refusal that replaces the page.</summary>
    public static string HeadingKey(CrmException refusal) => refusal.Code switch
    {
        ErrorCodes.Forbidden => "Companies.Refusal.Forbidden",
        ErrorCodes.NotFound => "Companies.Refusal.NotFound",
        _ => "Companies.Refusal.Other",
    };
}
