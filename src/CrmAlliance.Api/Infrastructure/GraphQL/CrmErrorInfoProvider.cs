using CrmAlliance.Api.Core;
using GraphQL;
using GraphQL.Execution;

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
        // The core refused while GraphQL.NET read the input (e.g. a global ID of the wrong type in the variables).
        if (executionError.InnerException is CrmException refusal)
        {
            var refused = base.GetInfo(executionError);
            refused.Message = refusal.Message;
            refused.Extensions = new Dictionary<string, object?> { ["code"] = refusal.Code };
            if (refusal.Field is not null)
            {
                refused.Extensions["field"] = refusal.Field;
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
        if (executionError is CrmExecutionError crm)
        {
            var extensions = info.Extensions ?? new Dictionary<string, object?>();
            extensions.Remove("codes");
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
