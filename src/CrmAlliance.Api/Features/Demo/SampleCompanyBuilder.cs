using System.Text;
using CrmAlliance.Api.Features.Companies;

namespace CrmAlliance.Api.Features.Demo;

/// <summary>
/// Workplaces and contact persons of made-up companies, shared by the demo data (<see cref="DemoDataBuilder"/>)
/// and the scale data generator (CrmAlliance.DataGeneration): P-numbers unique within the data set, CVR numbers
/// with a valid check digit, contacts with names unique within their company, an e-mail address at the company's
/// reserved .example domain and a Danish phone number. Every draw comes from the caller's seeded
/// <see cref="Random"/>, in a fixed order, so the same seed gives the same rows.
/// </summary>
/// <param name="random">The caller's seeded stream.</param>
/// <param name="newId">Ids for new workplaces and contacts from their company's creation time; without it they keep their own.</param>
public sealed class SampleCompanyBuilder(Random random, Func<DateTimeOffset, Guid>? newId = null)
{
    /// <summary>Danish mobile number ranges; landlines in the Aalborg area start with 98.</summary>
    private static readonly string[] MobilePrefixes = ["20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "40", "41", "42", "50", "51", "52", "53", "60", "61"];

    private static readonly int[] CvrWeights = [2, 7, 6, 5, 4, 3, 2, 1];

    private readonly HashSet<string> pNumbers = [];

    /// <summary>A CVR number <paramref name="accept"/> takes: seven random digits and the modulus-11 check digit (stems whose check would be 10 are skipped).</summary>
    public static string NewCvr(Random random, Func<string, bool> accept)
    {
        while (true)
        {
            var stem = random.Next(1_000_000, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 7; i++)
            {
                sum += (stem[i] - '0') * CvrWeights[i];
            }

            var check = (11 - (sum % 11)) % 11;
            if (check < 10 && accept(stem + check))
            {
                return stem + check;
            }
        }
    }

    /// <summary>A P-number not given before by this builder.</summary>
    public string NewPNumber()
    {
        while (true)
        {
            var pNumber = "1" + random.Next(1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            if (pNumbers.Add(pNumber))
            {
                return pNumber;
            }
        }
    }

    /// <summary>A street of the postcode (<see cref="DemoVocabulary.StreetsByPostcode"/>, else one of <paramref name="otherStreets"/>) and a house number.</summary>
    public string Street(string postcode, IReadOnlyList<string>? otherStreets = null)
    {
        var streets = otherStreets is not null && !DemoVocabulary.StreetsByPostcode.ContainsKey(postcode) ? otherStreets : DemoVocabulary.StreetsByPostcode[postcode];
        return $"{Pick(streets)} {random.Next(1, 141)}";
    }

    /// <summary>A workplace of <paramref name="company"/>: the main one at the company's address, another in a street of its postcode.</summary>
    public Workplace Workplace(Company company, bool main, string name, string postcode, int ordinaryEmployees, DateOnly reportedFor, decimal averageEmployees12Months, IReadOnlyList<string>? otherStreets = null)
    {
        var id = newId?.Invoke(company.CreatedAt);
        var workplace = new Workplace
        {
            CompanyId = company.Id,
            PNumber = NewPNumber(),
            Name = name,
            Address = main ? company.Address : Street(postcode, otherStreets),
            Postcode = postcode,
            OrdinaryEmployees = ordinaryEmployees,
            EmployeesReportedFor = reportedFor,
            AverageEmployees12Months = averageEmployees12Months,
        };
        if (id is { } given)
        {
            workplace.Id = given;
        }

        return workplace;
    }

    /// <summary>Adds a contact person to <paramref name="company"/> with a name not in <paramref name="usedNames"/> yet (which then holds it).</summary>
    public CompanyContact AddContact(Company company, string jobTitle, bool representative, ISet<string> usedNames)
    {
        string name;
        do
        {
            name = $"{Pick(DemoVocabulary.FirstNames)} {Pick(DemoVocabulary.LastNames)}";
        }
        while (!usedNames.Add(name));

        var id = newId?.Invoke(company.CreatedAt);
        var contact = new CompanyContact
        {
            CompanyId = company.Id,
            Name = name,
            JobTitle = jobTitle,
            Email = $"{Slug(name).Replace('-', '.')}@{EmailDomain(company.Name)}",
            Phone = $"+45 {(random.NextDouble() < 0.5 ? "98" : Pick(MobilePrefixes))} {random.Next(10, 100)} {random.Next(10, 100)} {random.Next(10, 100)}",
            IsEmployeeRepresentative = representative,
        };
        if (id is { } given)
        {
            contact.Id = given;
        }

        company.Contacts.Add(contact);
        return contact;
    }

    /// <summary>"Nordjysk Stål A/S" → "Nordjysk Stål": the name without its company form, for workplace names.</summary>
    public static string ShortName(string name)
        => name.Replace(" A/S", "", StringComparison.Ordinal).Replace(" ApS", "", StringComparison.Ordinal).Replace(" I/S", "", StringComparison.Ordinal);

    /// <summary>The reserved .example domain of a company's contacts: made-up addresses can never reach a real inbox.</summary>
    public static string EmailDomain(string companyName) => Slug(ShortName(companyName)) + ".example";

    /// <summary>"Nordjysk Stål" → "nordjysk-staal": Danish letters spelled out, for e-mail addresses.</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.ToUpperInvariant())
        {
            builder.Append(c switch
            {
                'Æ' => "ae",
                'Ø' => "oe",
                'Å' => "aa",
                'É' => "e",
                _ when char.IsAsciiLetterOrDigit(c) => char.ToString(c).ToLowerInvariant(),
                _ => "-",
            });
        }

        return string.Join('-', builder.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
