using System.Net;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Infrastructure.GraphQL;

/// <summary>
/// A repeated document is parsed and validated once (issue 13), yet what depends on the caller or the variables is
/// checked on every request: a document cached for staff is refused to a company user by the role rule, its variables
/// are coerced each time, and every caller gets their own data.
/// </summary>
public sealed class DocumentCacheTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private GraphQLDocumentCache Cache => factory.Services.GetRequiredService<GraphQLDocumentCache>();

    [Fact]
    public async Task A_document_is_kept_once_it_was_executed_and_not_when_it_was_refused()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var executed = "query KeptAfterExecution { me { email } }";
        var refused = "query NotKept { me { noSuchField } }";

        await consultant.Client.QueryAsync(executed);
        (await consultant.Client.SendAsync(refused)).ShouldFailWith("FIELDS_ON_CORRECT_TYPE");

        Assert.True(Cache.TryGet(executed, out _));
        Assert.False(Cache.TryGet(refused, out _));
    }

    [Fact]
    public async Task A_document_cached_for_staff_is_still_refused_to_a_company_user_by_the_role_rule()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await consultant.Client.RegisterCompanyAsync("Cache Rolle A/S");
        var companyUser = await factory.CreateUserAsync("COMPANY", companyId);
        var staffOnly = "query CachedForStaff { candidates(first: 1) { totalCount } }";
        await consultant.Client.QueryAsync(staffOnly);
        await consultant.Client.QueryAsync(staffOnly);
        Assert.True(Cache.TryGet(staffOnly, out _));

        var response = await companyUser.Client.SendAsync(staffOnly);

        // Refused before execution (400, no data), by the role rule's message, not only by the core.
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        response.ShouldFailWith("FORBIDDEN");
        Assert.Null(response.Data);
        Assert.Contains("may not use 'candidates'", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_variables_of_a_cached_document_are_checked_on_every_request()
    {
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await consultant.Client.RegisterCompanyAsync("Cache Variabel ApS");
        var query = "query CachedWithVariables($id: ID!) { company(id: $id) { name } }";
        var found = await consultant.Client.QueryAsync(query, new { id = companyId });
        Assert.Equal("Cache Variabel ApS", found["company"]!["name"]!.GetValue<string>());
        Assert.True(Cache.TryGet(query, out _));

        foreach (var variables in new object[] { new { }, new { id = new[] { 1, 2 } } })
        {
            var response = await consultant.Client.SendAsync(query, variables);
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.NotEmpty(response.Errors);
            Assert.Null(response.Data);
        }
    }

    [Fact]
    public async Task Every_caller_of_a_cached_document_gets_their_own_answer()
    {
        var first = await factory.CreateUserAsync("CONSULTANT");
        var second = await factory.CreateUserAsync("MANAGER");
        var query = "query CachedWhoAmI { me { email role } }";

        var firstAnswer = await first.Client.QueryAsync(query);
        var secondAnswer = await second.Client.QueryAsync(query);
        var firstAgain = await first.Client.QueryAsync(query);

        Assert.Equal(first.Email, firstAnswer["me"]!["email"]!.GetValue<string>());
        Assert.Equal(second.Email, secondAnswer["me"]!["email"]!.GetValue<string>());
        Assert.Equal("MANAGER", secondAnswer["me"]!["role"]!.GetValue<string>());
        Assert.Equal(first.Email, firstAgain["me"]!["email"]!.GetValue<string>());
    }
}
