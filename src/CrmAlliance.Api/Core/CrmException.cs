namespace CrmAlliance.Api.Core;

/// <summary>Machine-readable error codes that reach clients in <c>extensions.code</c>.</summary>
public static class ErrorCodes
{
    public const string Validation = "VALIDATION";
    public const string NotFound = "NOT_FOUND";
    public const string Forbidden = "FORBIDDEN";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Conflict = "CONFLICT";
    public const string RuleViolation = "RULE_VIOLATION";
}

/// <summary>
/// A refusal by the core: the change was not applied. <see cref="Text"/> says why in any language
/// (<see cref="Refusals.Describe(CrmException, System.Globalization.CultureInfo)"/>); <see cref="Exception.Message"/> is its English rendering,
/// which GraphQL answers with.
/// </summary>
public abstract class CrmException : Exception
{
    protected CrmException(string code, RefusalText text, string? field = null)
        : this(code, text, Refusals.Describe(text, Refusals.English), field)
    {
    }

    protected CrmException(string code, RefusalText text, string message, string? field)
        : base(message)
    {
        Code = code;
        Text = text;
        Field = field;
    }

    public string Code { get; }

    public RefusalText Text { get; }

    /// <summary>The input field at fault (camelCase path, e.g. <c>input.cvr</c>), when there is one.</summary>
    public string? Field { get; }
}

/// <summary>One invalid input field; <paramref name="Rule"/> names the policy it broke when there is one (e.g. PASSWORD_TOO_COMMON).</summary>
public sealed record FieldError(string Field, RefusalText Text, string? Rule = null)
{
    /// <summary>The English text, as GraphQL and the import reports give it.</summary>
    public string Message => Refusals.Describe(Text, Refusals.English);
}

public sealed class ValidationException : CrmException
{
    public ValidationException(IReadOnlyList<FieldError> errors)
        : base(
            ErrorCodes.Validation,
            RefusalText.Of("Core.InvalidInput", ("count", errors.Count)),
            string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
            errors.Count > 0 ? errors[0].Field : null)
    {
        Errors = errors;
    }

    public ValidationException(string field, RefusalText text)
        : this([new FieldError(field, text)])
    {
    }

    public IReadOnlyList<FieldError> Errors { get; }
}

/// <summary>Nothing of that kind with that id; <paramref name="entity"/> is the key's last part (<c>NotFound.&lt;entity&gt;</c>, e.g. Vacancy).</summary>
public sealed class NotFoundException(string entity, object id, string? field = null)
    : CrmException(ErrorCodes.NotFound, RefusalText.Of("NotFound." + entity, ("id", id.ToString())), field);

public sealed class ForbiddenException(RefusalText text) : CrmException(ErrorCodes.Forbidden, text);

public sealed class UnauthenticatedException() : CrmException(ErrorCodes.Unauthenticated, RefusalText.Of("Core.SignInFirst"));

public sealed class ConflictException(RefusalText text, string? field = null) : CrmException(ErrorCodes.Conflict, text, field)
{
    /// <summary>Another request committed first a change this one's rule check depended on; judging again may give a different answer.</summary>
    public bool RaceLost { get; init; }
}

/// <summary>A rule from docs/domain.md refused the change; <see cref="Rule"/> names it. <see cref="Details"/>, when given,
/// follows the text as a sentence of its own (the figures behind it, what a consultant may do).</summary>
public sealed class RuleViolationException : CrmException
{
    public RuleViolationException(string rule, RefusalText text, string? field = null, RefusalText? details = null)
        : base(ErrorCodes.RuleViolation, text, Render(text, details), field)
    {
        Rule = rule;
        Details = details;
    }

    public string Rule { get; }

    public RefusalText? Details { get; }

    private static string Render(RefusalText text, RefusalText? details)
        => details is null
            ? Refusals.Describe(text, Refusals.English)
            : $"{Refusals.Describe(text, Refusals.English)}. {Refusals.Describe(details, Refusals.English)}";
}
