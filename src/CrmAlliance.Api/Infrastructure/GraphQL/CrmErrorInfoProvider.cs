using CrmAlliance.Api.Core;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

/// <summary>An error from the core, carried to the client with its code, field and rule.</summary>
public sealed class CrmExecutionError : ExecutionError
{
    public CrmExecutionError(string code, string message, string? field, string? rule)
        : base(message)
    {
        Code = code;
        Field = field;
        Rule = rule;
    }

    public string? Field { get; }

    public string? Rule { get; }
}

/// <summary>
/// Adds <c>field</c> and <c>rule</c> to <c>extensions</c>; never exposes stack traces, and an unexpected exception
/// reaches the client as <c>INTERNAL_ERROR</c> with a plain message, not its .NET type's name as the code.
/// </summary>
public sealed class CrmErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = false, ExposeCodes = true, ExposeData = false })
{
    public const string InternalError = "INTERNAL_ERROR";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = Describe(executionError);

        // GraphQL.NET's own messages repeat a value it could not read ("Unable to convert '…'"): never a CPR number.
        // The core's refusals mask what they repeat themselves (Refusals), and may name a P-number of the same shape.
        if (executionError.InnerException is not CrmException && executionError is not CrmExecutionError)
        {
            info.Message = CprNumbers.Mask(info.Message);
        }

        return info;
    }

    private ErrorInfo Describe(ExecutionError executionError)
    {
        // The core refused while GraphQL.NET read the input (e.g. a global ID of the wrong type in the variables).
        if (executionError.InnerException is CrmException refusal)
        {
            var refused = base.GetInfo(executionError);
            var field = InputErrorPath.Of(executionError, refusal.Field);
            refused.Message = refusal is ValidationException { Errors: [var only] } && field is not null ? $"{field}: {only.Message}" : refusal.Message;
            refused.Extensions = new Dictionary<string, object?> { ["code"] = refusal.Code };
            if (field is not null)
            {
                refused.Extensions["field"] = field;
            }

            return refused;
        }

        if (executionError is UnhandledError)
        {
            return new ErrorInfo
            {
                Message = "Something went wrong on our side and nothing was changed. Try again; if it happens again, tell support the time.",
                Extensions = new Dictionary<string, object?> { ["code"] = InternalError },
            };
        }

        var info = base.GetInfo(executionError);
        info.Extensions?.Remove("codes");

        // A value GraphQL.NET could not read as its type (a date that is no date, an Int out of range, an unknown
        // enum name): the same VALIDATION as the core's, naming the variable's path or the argument.
        if (executionError is InvalidVariableError or InvalidValueError && executionError.Code == "INVALID_VALUE")
        {
            info.Extensions ??= new Dictionary<string, object?>();
            info.Extensions["code"] = ErrorCodes.Validation;
            if (InputErrorPath.Of(executionError, null) is { } path)
            {
                info.Extensions["field"] = path;
            }
        }
        else if (executionError.InnerException is { } inner && executionError.Code == ErrorInfoProvider.GetErrorCode(inner) && info.Extensions is not null)
        {
            // GraphQL.NET names the code after the inner exception's .NET type; that is an internal, not a contract.
            info.Extensions["code"] = GraphQLHttpEndpoint.BadRequest;
        }

        if (executionError is CrmExecutionError crm)
        {
            var extensions = info.Extensions ?? new Dictionary<string, object?>();
            if (crm.Field is not null)
            {
                extensions["field"] = crm.Field;
            }

            if (crm.Rule is not null)
            {
                extensions["rule"] = crm.Rule;
            }

            info.Extensions = extensions;
        }

        return info;
    }
}
