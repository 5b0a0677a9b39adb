using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL.Execution;

namespace CrmAlliance.UnitTests.Infrastructure.GraphQL;

public sealed class CrmErrorInfoProviderTests
{
    [Theory]
    [InlineData(typeof(FormatException))]
    [InlineData(typeof(ArgumentOutOfRangeException))]
    [InlineData(typeof(InvalidOperationException))]
    public void An_unexpected_exception_reaches_the_client_as_INTERNAL_ERROR_without_its_type_or_message(Type type)
    {
        var exception = (Exception)Activator.CreateInstance(type, "SQLite Error 19: 'UNIQUE constraint failed: Companies.Cvr'")!;

        var info = new CrmErrorInfoProvider().GetInfo(new UnhandledError("Error trying to resolve field 'x'.", exception));

        Assert.Equal(CrmErrorInfoProvider.InternalError, info.Extensions!["code"]);
        Assert.DoesNotContain("Exception", info.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite", info.Message, StringComparison.Ordinal);
        Assert.False(info.Extensions.ContainsKey("codes"));
    }

    [Fact]
    public void A_refusal_of_the_core_while_reading_the_input_keeps_its_code_and_field()
    {
        var refusal = new ValidationException([new FieldError("input.candidateId", RefusalText.Of("Core.NotAnIdOf", ("type", "Candidate")))
]);

        var info = new CrmErrorInfoProvider().GetInfo(new UnhandledError("Error trying to resolve field 'proposePlacement'.", refusal));

        Assert.Equal("VALIDATION", info.Extensions!["code"]);
        Assert.Equal("input.candidateId", info.Extensions["field"]);
    }
}
