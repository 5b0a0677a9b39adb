using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.ReferenceData;

namespace CrmAlliance.Api.Features.Companies;

/// <summary>Field checks shared by registration, update and the CSV import.</summary>
public static class CompanyValidation
{
    public static Validator CheckCompany(this Validator v, ReferenceCatalog catalog, string? cvr, string? name, string? industryCode, string? address, string? postcode)
    {
        v.Check(DanishIdentifiers.IsValidCvr(cvr), "cvr", RefusalText.Of("Core.NotACvr", ("value", cvr)));
        v.Text(name, "name");
        v.Check(catalog.FindIndustry(industryCode) is not null, "industryCode", RefusalText.Of("Companies.NotAnIndustryCode", ("value", industryCode)));
        v.Text(address, "address");
        v.CheckPostcode(catalog, postcode, "postcode");
        return v;
    }

    public static Validator CheckPostcode(this Validator v, ReferenceCatalog catalog, string? postcode, string field)
        => v.Check(catalog.FindPostcode(postcode) is not null, field, RefusalText.Of("Companies.NotAPostcode", ("value", postcode)));

    public static Validator CheckWorkplace(this Validator v, ReferenceCatalog catalog, string? pNumber, string? name, string? address, string? postcode, int ordinaryEmployees, decimal average12Months, string prefix = "")
    {
        v.Check(DanishIdentifiers.IsValidPNumber(pNumber), prefix + "pNumber", RefusalText.Of("Companies.NotAPNumber", ("value", pNumber)));
        v.Text(name, prefix + "name");
        v.Text(address, prefix + "address");
        v.CheckPostcode(catalog, postcode, prefix + "postcode");
        v.Check(ordinaryEmployees is >= 0 and <= 100_000, prefix + "ordinaryEmployees", Validator.Between(0, 100_000));
        v.Check(average12Months is >= 0 and <= 100_000, prefix + "averageEmployees12Months", Validator.Between(0, 100_000));
        return v;
    }

    public static Validator CheckContact(this Validator v, string? name, string? email, string? phone, string prefix = "")
    {
        v.Text(name, prefix + "name");

        // A refusal of the form repeats the value, so one shaped like a CPR number gets that refusal alone.
        if (CprNumbers.AppearIn(email) || CprNumbers.AppearIn(phone))
        {
            return v.NoCprNumber(email, prefix + "email").NoCprNumber(phone, prefix + "phone");
        }

        v.Check(email is null || (email.Length <= 256 && System.Net.Mail.MailAddress.TryCreate(email, out _)), prefix + "email", RefusalText.Of("Core.NotAnEmail", ("value", email)));
        v.Check(phone is null || (phone.Length <= 32 && phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-')), prefix + "phone", RefusalText.Of("Companies.NotAPhoneNumber", ("value", phone)));

        return v;
    }
}
