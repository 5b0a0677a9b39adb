namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>Registers companies through a consultant's <c>registerCompany</c> mutation, as users would.</summary>
public static class TestCompanies
{
    /// <summary>
    /// Registers a company with a fresh CVR number (unless one is given) and returns its global ID.
    /// <paramref name="membershipStatus"/> and <paramref name="joinedOn"/> are sent only when given, so that
    /// leaving them out gets the Api's default (a prospect).
    /// </summary>
    public static async Task<string> RegisterCompanyAsync(
        this GraphQLClient consultant,
        string name,
        string? cvr = null,
        string industryCode = "620100",
        string address = "Boulevarden 1",
        string postcode = "9000",
        string sector = "PRIVATE",
        string? membershipStatus = null,
        string? joinedOn = null)
    {
        var input = new Dictionary<string, object?>
        {
            ["cvr"] = cvr ?? TestData.NewCvr(),
            ["name"] = name,
            ["industryCode"] = industryCode,
            ["address"] = address,
            ["postcode"] = postcode,
            ["sector"] = sector,
        };
        if (membershipStatus is not null)
        {
            input["membershipStatus"] = membershipStatus;
        }

        if (joinedOn is not null)
        {
            input["joinedOn"] = joinedOn;
        }

        var data = await consultant.QueryAsync("mutation($input: RegisterCompanyInput!) { registerCompany(input: $input) { id } }", new { input });
        return data.Id("registerCompany");
    }
}
