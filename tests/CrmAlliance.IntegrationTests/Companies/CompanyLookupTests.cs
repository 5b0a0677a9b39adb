using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Companies;

/// <summary>
/// The look-up by one ID is a compiled query (issue 13). EF binds a compiled query to one model and refuses contexts of
/// another; the host's contexts and one built with other options (a tool's, a test's) have different models.
/// </summary>
public sealed class CompanyLookupTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private static readonly Actor Consultant = new("consultant-1", "consultant@test.local", Role.Consultant, null);

    [Fact]
    public async Task One_company_is_found_through_the_hosts_contexts_and_through_a_context_of_its_own()
    {
        Guid id;
        await using (var db = factory.NewDbContext())
        {
            var company = new Company { Cvr = TestData.NewCvr(), Name = "Opslag ApS", IndustryCode = "620100", Address = "Boulevarden 1", Postcode = "9000", CreatedAt = DateTimeOffset.UtcNow };
            db.Companies.Add(company);
            await db.SaveChangesAsync();
            id = company.Id;
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var queries = scope.ServiceProvider.GetRequiredService<CompanyQueries>();
            Assert.Equal("Opslag ApS", (await queries.GetAsync(id, Consultant, CancellationToken.None)).Name);
            Assert.Equal("Opslag ApS", (await queries.GetByIdsAsync([id], Consultant, CancellationToken.None))[id].Name);
        }

        await using (var own = factory.NewDbContext())
        {
            var queries = new CompanyQueries(own);
            Assert.Equal("Opslag ApS", (await queries.GetAsync(id, Consultant, CancellationToken.None)).Name);
            Assert.Equal("Opslag ApS", (await queries.GetByIdsAsync([id], Consultant, CancellationToken.None))[id].Name);
            await Assert.ThrowsAsync<NotFoundException>(() => queries.GetAsync(Guid.CreateVersion7(), Consultant, CancellationToken.None));
        }
    }
}
