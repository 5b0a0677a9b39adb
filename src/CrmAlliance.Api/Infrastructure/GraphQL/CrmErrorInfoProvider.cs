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

/// <summary>Adds <c>field</c> and <c>rule</c> to <c>extensions</c>; never exposes stack traces.</summary>
public sealed class CrmErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = false, ExposeCodes = true, ExposeData = false })
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
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
