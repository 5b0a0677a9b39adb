using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.DataGeneration;
using CrmAlliance.IntegrationTests.DataGeneration;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Yield.Reports.Inference;

/// <summary>A generated alliance of 300 companies (15,000 placements over five years to mid-2026), its read model built.</summary>
public sealed class InferenceWorld : IAsyncLifetime
{
    public static readonly SeedOptions Options = new(300, 15_000, 42, new DateOnly(2026, 6, 30), 5);

    public CrmApiFactory Factory { get; } = new();

    public GraphQLClient Manager { get; private set; } = null!;

    /// <summary>Global IDs of every company, in id order.</summary>
    public IReadOnlyList<string> CompanyIds { get; private set; } = [];

    private GraphQLClient _admin = null!;

    public async Task InitializeAsync()
    {
        await Factory.SeedAsync(Options);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<YieldRebuild>().RunAsync(null, null, CancellationToken.None);
        }

        await using var db = Factory.NewDbContext();
        CompanyIds = (await db.YieldCompanies.AsNoTracking().Select(c => c.CompanyId).ToListAsync()).Order().Select(id => GlobalId.Encode("Company", id)).ToList();
        Manager = (await Factory.CreateUserAsync("MANAGER")).Client;
        _admin = await Factory.SignInAsAdminAsync();
    }

    /// <summary>A company user of the company, signed in (one admin session for all of them).</summary>
    public async Task<GraphQLClient> CompanyUserAsync(string companyId)
    {
        var email = $"company-{Guid.NewGuid():N}@test.local";
        await _admin.QueryAsync(
            "mutation($input: CreateUserInput!) { createUser(input: $input) { id } }",
            new { input = new { email, displayName = "Test company user", role = "COMPANY", password = TestUsers.Password, companyId } });
        return await Factory.SignInAsync(email, TestUsers.Password);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
