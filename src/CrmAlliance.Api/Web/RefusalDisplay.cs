using System.Globalization;
using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Web;

/// <summary>
/// The one place where pages turn the core's refusals into what people read: the same refusal GraphQL gives in
/// English, rendered from its key and values in the user's language (<see cref="Refusals.Describe(CrmException, CultureInfo)"/>).
/// Pages never show an exception's type or stack trace.
/// </summary>
public static class RefusalDisplay
{
    /// <summary>
    /// The refusal as a sentence for the page, in the user's language. A refused input's field names ("userId") are the
    /// API's, not words people read: a page that shows a field's refusal beside its field uses <see cref="FieldMessage"/>.
    /// </summary>
    public static string Message(CrmException refusal) => refusal is ValidationException { Errors.Count: > 0 } invalid
        ? string.Join(" ", invalid.Errors.Select(e => Refusals.Describe(e, CultureInfo.CurrentUICulture)))
        : Refusals.Describe(refusal, CultureInfo.CurrentUICulture);

    /// <summary>
    /// The refusal standing alone as a whole sentence (an error summary's line with no field label before it): as
    /// <see cref="Message"/>, with its first letter capitalised, since the core's texts are written to follow a label.
    /// </summary>
    public static string Sentence(CrmException refusal)
    {
        var message = Message(refusal);
        return message.Length == 0 ? message : char.ToUpper(message[0], CultureInfo.CurrentUICulture) + message[1..];
    }

    /// <summary>One invalid field as a sentence for the error summary, led by the field's label on the form.</summary>
    public static string FieldMessage(FieldError error, string label) => $"{label}: {Refusals.Describe(error, CultureInfo.CurrentUICulture)}";

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
