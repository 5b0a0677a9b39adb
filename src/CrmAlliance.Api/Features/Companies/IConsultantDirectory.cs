using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Companies;

/// <summary>
/// Which users are consultants, for the fields that name a company's responsible consultant. Accounts owns the users
/// and implements it: Companies sits below Accounts in the feature map (company users belong to a company), so it
/// only names what it needs here.
/// </summary>
public interface IConsultantDirectory
{
    Task<bool> IsConsultantAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The consultants among <paramref name="normalizedEmails"/> (upper case), with their user ids.</summary>
    Task<IReadOnlyDictionary<string, string>> IdsByEmailAsync(IReadOnlyCollection<string> normalizedEmails, CancellationToken cancellationToken);
}

public static class ConsultantChecks
{
    /// <summary>Refuses <paramref name="userId"/> on <paramref name="field"/> unless it is a consultant's (null passes).</summary>
    public static async Task CheckAsync(this IConsultantDirectory consultants, Validator v, string? userId, string field, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return;
        }

        v.Check(await consultants.IsConsultantAsync(userId, cancellationToken), field, RefusalText.Of("Companies.NotAConsultant", ("value", userId)));

    }
}
