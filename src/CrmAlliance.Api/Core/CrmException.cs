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

/// <summary>A refusal by the core: the change was not applied.</summary>
public abstract class CrmException(string code, string message, string? field = null) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>The input field at fault (camelCase path, e.g. <c>input.cvr</c>), when there is one.</summary>
    public string? Field { get; } = field;
}

/// <summary>One invalid input field; <paramref name="Rule"/> names the policy it broke when there is one (e.g. PASSWORD_TOO_COMMON).</summary>
public sealed record FieldError(string Field, string Message, string? Rule = null);

public sealed class ValidationException : CrmException
{
    public ValidationException(IReadOnlyList<FieldError> errors)
        : base(ErrorCodes.Validation, string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), errors.Count > 0 ? errors[0].Field : null)
    {
        Errors = errors;
    }

    public ValidationException(string field, string message)
        : this([new FieldError(field, message)])
    {
    }

    public IReadOnlyList<FieldError> Errors { get; }
}

public sealed class NotFoundException(string entity, object id, string? field = null)
    : CrmException(ErrorCodes.NotFound, $"{entity} {id} was not found.", field);

public sealed class ForbiddenException(string message) : CrmException(ErrorCodes.Forbidden, message);

public sealed class UnauthenticatedException() : CrmException(ErrorCodes.Unauthenticated, "Sign in first.");

public sealed class ConflictException(string message, string? field = null) : CrmException(ErrorCodes.Conflict, message, field)
{
    /// <summary>Another request committed first a change this one's rule check depended on; judging again may give a different answer.</summary>
    public bool RaceLost { get; init; }
}

/// <summary>A rule from docs/domain.md refused the change; <see cref="Rule"/> names it.</summary>
public sealed class RuleViolationException(string rule, string message, string? field = null)
    : CrmException(ErrorCodes.RuleViolation, message, field)
{
    public string Rule { get; } = rule;
}
