using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Validation;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

/// <summary>
/// Where in the request a value refused while GraphQL.NET read it stands: for a variable its path
/// (<c>input.contacts[0].companyId</c>, <c>f.responsibleConsultantId</c>), for a literal the argument and the field
/// (<c>filter.responsibleConsultantId</c>). GraphQL.NET 8 carries the path only in its message, in a fixed form:
/// the tests of malformed IDs fail if an upgrade changes it.
/// </summary>
public static partial class InputErrorPath
{
    public static string? Of(ExecutionError error, string? field) => error switch
    {
        InvalidVariableError when VariablePath().Match(error.Message) is { Success: true } match => match.Groups["path"].Value,
        InvalidValueError when ArgumentName().Match(error.Message) is { Success: true } match
            => field is null ? match.Groups["argument"].Value
                : field.StartsWith(match.Groups["argument"].Value + ".", StringComparison.Ordinal) ? field : $"{match.Groups["argument"].Value}.{field}",
        _ => field,
    };

    [GeneratedRegex(@"^Variable '\$(?<path>[^']+)' is invalid\.", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex VariablePath();

    [GeneratedRegex(@"^Invalid value for argument '(?<argument>[^']+)' of ", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex ArgumentName();
}
