using CrmAlliance.Api.Features.Companies;

namespace CrmAlliance.Api.Features.Demo;

public enum CompanySize
{
    /// <summary>2–9 ordinary employees: the ratio rule allows one placement.</summary>
    Small,

    /// <summary>10–49 ordinary employees.</summary>
    Medium,

    /// <summary>50–300 ordinary employees, over two or three workplaces.</summary>
    Large,
}

/// <summary>What a demo company does, which decides the occupations it offers and its contacts' titles.</summary>
public enum Trade
{
    Metal,
    Bakery,
    Construction,
    Electrical,
    Plumbing,
    Carpentry,
    Painting,
    Retail,
    Restaurant,
    Hotel,
    Care,
    HomeCare,
    ChildCare,
    Health,
    Transport,
    Warehouse,
    Bus,
    IT,
    Cleaning,
    AutoRepair,
    Waste,
    FoodProduction,
    Furniture,
    Landscaping,
    Hairdresser,
    Office,
    Security,
}

/// <summary>One of the 50 demo companies: fictitious Aalborg-area partners, each with a real DB07 code.</summary>
public sealed record DemoCompanyProfile(string Name, string IndustryCode, Sector Sector, string Postcode, Trade Trade, CompanySize Size, MembershipStatus Status);

public static class DemoCompanyProfiles
{
    /// <summary>
    /// The company the demo Company user belongs to. It takes candidates in cohorts (DemoData.md), so that none of its
    /// counts of citizens' outcomes is small and its user sees its place among its peers.
    /// </summary>
    public const string CompanyUsersCompany = "Nordjysk Stål A/S";

    /// <summary>The company that takes a steady stream of interns and hires none: the manager's free-labour alert.</summary>
    public const string FreeLabourCompany = "Himmerland Rengøring ApS";

    public static readonly IReadOnlyList<DemoCompanyProfile> All =
    [
        new(CompanyUsersCompany, "251100", Sector.Private, "9000", Trade.Metal, CompanySize.Large, MembershipStatus.Active),
        new("Limfjordens Bageri ApS", "107100", Sector.Private, "9000", Trade.Bakery, CompanySize.Medium, MembershipStatus.Active),
        new("Aalborg Maskinfabrik A/S", "256200", Sector.Private, "9220", Trade.Metal, CompanySize.Large, MembershipStatus.Active),
        new("Hasseris VVS ApS", "432200", Sector.Private, "9000", Trade.Plumbing, CompanySize.Small, MembershipStatus.Active),
        new("Nørresundby Byggeri A/S", "412000", Sector.Private, "9400", Trade.Construction, CompanySize.Large, MembershipStatus.Active),
        new("Gistrup El-Service ApS", "432100", Sector.Private, "9260", Trade.Electrical, CompanySize.Medium, MembershipStatus.Active),
        new("Rørdal Betonelementer A/S", "236100", Sector.Private, "9220", Trade.Construction, CompanySize.Large, MembershipStatus.Active),
        new("Skalborg Autoværksted ApS", "452010", Sector.Private, "9200", Trade.AutoRepair, CompanySize.Small, MembershipStatus.Active),
        new("Vejgaard Købmand ApS", "471120", Sector.Private, "9000", Trade.Retail, CompanySize.Medium, MembershipStatus.Active),
        new("Restaurant Fjordkanten ApS", "561010", Sector.Private, "9000", Trade.Restaurant, CompanySize.Medium, MembershipStatus.Active),
        new("Hotel Limfjordsblik A/S", "551010", Sector.Private, "9000", Trade.Hotel, CompanySize.Large, MembershipStatus.Active),
        new("Kattegat Logistik A/S", "494100", Sector.Private, "9220", Trade.Transport, CompanySize.Large, MembershipStatus.Active),
        new("Nordlys Software ApS", "620100", Sector.Private, "9220", Trade.IT, CompanySize.Medium, MembershipStatus.Active),
        new("Himmerland Rengøring ApS", "812100", Sector.Private, "9530", Trade.Cleaning, CompanySize.Large, MembershipStatus.Active),
        new("Vesterå Tømrer & Snedker ApS", "433200", Sector.Private, "9000", Trade.Carpentry, CompanySize.Small, MembershipStatus.Active),
        new("Svenstrup Malerfirma ApS", "433410", Sector.Private, "9230", Trade.Painting, CompanySize.Small, MembershipStatus.Paused),
        new("Plejecenter Solkrogen", "871000", Sector.Public, "9210", Trade.Care, CompanySize.Large, MembershipStatus.Active),
        new("Plejecenter Kildeparken", "871000", Sector.Public, "9000", Trade.Care, CompanySize.Large, MembershipStatus.Active),
        new("Hjemmeplejen Aalborg Syd", "881000", Sector.Public, "9200", Trade.HomeCare, CompanySize.Large, MembershipStatus.Active),
        new("Børnehuset Skovbakken", "889110", Sector.Public, "9400", Trade.ChildCare, CompanySize.Medium, MembershipStatus.Active),
        new("Genbrugscenter Rørdal", "381100", Sector.Public, "9220", Trade.Waste, CompanySize.Medium, MembershipStatus.Active),
        new("Lægehuset Vestergade", "862100", Sector.Private, "9400", Trade.Health, CompanySize.Small, MembershipStatus.Prospect),
        new("Tandklinikken Budolfi ApS", "862300", Sector.Private, "9000", Trade.Health, CompanySize.Small, MembershipStatus.Prospect),
        new("Nordjysk Lager & Distribution A/S", "521000", Sector.Private, "9200", Trade.Warehouse, CompanySize.Large, MembershipStatus.Active),
        new("Vadum Slagteri ApS", "101300", Sector.Private, "9430", Trade.FoodProduction, CompanySize.Medium, MembershipStatus.Active),
        new("Aalborg Mikrobryggeri ApS", "110500", Sector.Private, "9000", Trade.FoodProduction, CompanySize.Small, MembershipStatus.Left),
        new("Støvring Møbelfabrik A/S", "310100", Sector.Private, "9530", Trade.Furniture, CompanySize.Medium, MembershipStatus.Active),
        new("Klarup Anlægsgartner ApS", "813000", Sector.Private, "9270", Trade.Landscaping, CompanySize.Small, MembershipStatus.Active),
        new("Salon Sofie ApS", "960210", Sector.Private, "9000", Trade.Hairdresser, CompanySize.Small, MembershipStatus.Prospect),
        new("Revisionshuset Nord ApS", "692000", Sector.Private, "9000", Trade.Office, CompanySize.Medium, MembershipStatus.Paused),
        new("Nibe Byggemarked ApS", "475200", Sector.Private, "9240", Trade.Retail, CompanySize.Medium, MembershipStatus.Active),
        new("Pizzeria Bella Nibe ApS", "561020", Sector.Private, "9240", Trade.Restaurant, CompanySize.Small, MembershipStatus.Left),
        new("Aalborg Bybusser A/S", "493100", Sector.Private, "9000", Trade.Bus, CompanySize.Large, MembershipStatus.Active),
        new("Nordjysk Kurerservice ApS", "532000", Sector.Private, "9200", Trade.Transport, CompanySize.Medium, MembershipStatus.Active),
        new("Hals Havnekiosk ApS", "471900", Sector.Private, "9370", Trade.Retail, CompanySize.Small, MembershipStatus.Prospect),
        new("Datacenter Nordjylland A/S", "631100", Sector.Private, "9220", Trade.IT, CompanySize.Medium, MembershipStatus.Active),
        new("Ingeniørhuset Limfjord A/S", "711200", Sector.Private, "9000", Trade.Office, CompanySize.Medium, MembershipStatus.Active),
        new("Vodskov Tagdækning ApS", "439100", Sector.Private, "9310", Trade.Construction, CompanySize.Small, MembershipStatus.Active),
        new("Tøjhuset Bispensgade ApS", "477100", Sector.Private, "9000", Trade.Retail, CompanySize.Small, MembershipStatus.Active),
        new("Aalborg Industrirengøring A/S", "812200", Sector.Private, "9220", Trade.Cleaning, CompanySize.Medium, MembershipStatus.Active),
        new("Nørresundby Smede- og Maskinværksted ApS", "256200", Sector.Private, "9400", Trade.Metal, CompanySize.Medium, MembershipStatus.Paused),
        new("Kongerslev Vognmandsforretning ApS", "494100", Sector.Private, "9293", Trade.Transport, CompanySize.Small, MembershipStatus.Active),
        new("Café Kilden ApS", "561010", Sector.Private, "9000", Trade.Restaurant, CompanySize.Small, MembershipStatus.Active),
        new("Park og Natur Aalborg Øst", "813000", Sector.Public, "9220", Trade.Landscaping, CompanySize.Medium, MembershipStatus.Active),
        new("Bofællesskabet Lindholm", "873000", Sector.Public, "9400", Trade.Care, CompanySize.Medium, MembershipStatus.Active),
        new("Dagplejen Aalborg Vest", "889110", Sector.Public, "9200", Trade.ChildCare, CompanySize.Medium, MembershipStatus.Active),
        new("Limfjord Offshore Service A/S", "331100", Sector.Private, "9220", Trade.Metal, CompanySize.Medium, MembershipStatus.Active),
        new("Sønderbro Supermarked ApS", "471120", Sector.Private, "9000", Trade.Retail, CompanySize.Large, MembershipStatus.Active),
        new("Gug Bilpleje ApS", "452010", Sector.Private, "9210", Trade.AutoRepair, CompanySize.Small, MembershipStatus.Left),
        new("Nordjysk Vagt & Sikring A/S", "801000", Sector.Private, "9200", Trade.Security, CompanySize.Medium, MembershipStatus.Active),
    ];
}
