using CrmAlliance.Api.Features.Demo;

namespace CrmAlliance.DataGeneration;

/// <summary>
/// The Danish words the synthetic data is made of. Occupations, names and the consultants' phrases are the demo
/// data's (<see cref="DemoVocabulary"/>), plus occupations for the industries the demo has no company in.
/// </summary>
public static class SyntheticVocabulary
{
    /// <summary>DISCO-08 unit groups (ISCO-08, 4 digits) the demo vocabulary lacks, with Danish titles and skills.</summary>
    private static readonly DemoOccupation[] ExtraOccupations =
    [
        new("6121", "Landmand (husdyr)", ["malkerobot", "foderplanlægning", "dyrevelfærd"]),
        new("9211", "Markmedarbejder", ["høst", "plantepleje", "kørekort B"]),
        new("9212", "Staldmedhjælper", ["malkning", "fodring", "rengøring af stald"]),
        new("8341", "Traktorfører", ["traktorkørekort", "markarbejde", "vedligehold af maskiner"]),
        new("8111", "Råstofarbejder", ["gravemaskine", "sikkerhedskursus", "skifteholdsarbejde"]),
        new("8342", "Maskinfører", ["maskinførerbevis", "gravearbejde", "kørekort C"]),
        new("3113", "Elteknikker", ["fejlfinding", "PLC", "tavlebygning"]),
        new("3322", "Sælger", ["B2B-salg", "CRM", "kørekort B"]),
        new("4211", "Bankassistent", ["kundeservice", "betalingsformidling", "hvidvaskregler"]),
        new("5153", "Ejendomsfunktionær", ["vicevært", "grønne områder", "småreparationer"]),
        new("2411", "Revisor", ["årsregnskab", "skat", "e-conomic"]),
        new("4222", "Kundeservicemedarbejder", ["telefonbetjening", "CRM", "engelsk"]),
        new("2422", "Fuldmægtig", ["sagsbehandling", "forvaltningsret", "journalisering"]),
        new("2341", "Folkeskolelærer", ["linjefag", "klasseledelse", "inklusion"]),
        new("5312", "Lærermedhjælper", ["børn 6-16 år", "støttefunktion", "førstehjælp"]),
        new("2264", "Fysioterapeut", ["autorisation som fysioterapeut", "genoptræning", "holdtræning"]),
        new("2622", "Bibliotekar", ["formidling", "katalogisering", "arrangementer"]),
        new("9121", "Vaskerimedarbejder", ["industrivask", "strygning", "hygiejne"]),
        new("5142", "Kosmetolog", ["kosmetologuddannelse", "hudpleje", "kundeservice"]),
        new("7233", "Landbrugsmekaniker", ["hydraulik", "fejlfinding", "svejsning"]),
        new("9613", "Gadefejer", ["fejemaskine", "renholdelse", "kørekort B"]),
    ];

    public static IReadOnlyDictionary<string, DemoOccupation> Occupations { get; } =
        DemoVocabulary.Occupations.Values.Concat(ExtraOccupations).ToDictionary(o => o.Code);

    /// <summary>What each DB07 section's workplaces typically hire, as DISCO-08 codes (sections T and U are not generated).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> OccupationsBySection = new Dictionary<string, string[]>
    {
        ["A"] = ["9211", "9212", "6121", "8341", "7233", "6113", "9214"],
        ["B"] = ["8111", "8342", "8332"],
        ["C"] = ["7212", "7214", "7223", "8211", "9329", "7512", "7511", "8160", "7522", "8219", "4321", "8344"],
        ["D"] = ["7411", "3113", "4110"],
        ["E"] = ["9611", "8332", "8344", "9613"],
        ["F"] = ["7115", "7112", "9313", "7119", "7411", "7126", "7131", "8342", "3112"],
        ["G"] = ["5223", "5230", "4321", "8322", "3322", "7231", "9122"],
        ["H"] = ["8332", "9333", "8344", "4323", "8322", "8331"],
        ["I"] = ["5120", "5131", "9412", "4224", "9112"],
        ["J"] = ["2512", "2514", "3512", "4222"],
        ["K"] = ["4211", "4311", "3313", "4110"],
        ["L"] = ["5153", "4110", "9112"],
        ["M"] = ["2421", "2142", "3112", "2411", "3313", "4110"],
        ["N"] = ["9112", "5151", "5414", "4222", "6113", "9214"],
        ["O"] = ["2422", "4110", "9112", "5414", "9613"],
        ["P"] = ["2342", "5311", "2341", "5312", "9112", "4110"],
        ["Q"] = ["5321", "5322", "2221", "3344", "3251", "9412", "9112", "2264"],
        ["R"] = ["2622", "4110", "5414", "9112", "9412"],
        ["S"] = ["5141", "5142", "9121", "4110"],
    };

    /// <summary>Words for company names by section: "Hansen Maskinfabrik ApS".</summary>
    public static readonly IReadOnlyDictionary<string, string[]> NameWordsBySection = new Dictionary<string, string[]>
    {
        ["A"] = ["Landbrug", "Maskinstation", "Gartneri", "Planteavl", "Mink & Kvæg"],
        ["B"] = ["Grusgrav", "Råstoffer", "Kalkværk"],
        ["C"] = ["Maskinfabrik", "Stål", "Plast", "Fødevarer", "Møbler", "Industri", "Bageri", "Slagteri", "Smedie"],
        ["D"] = ["Energi", "Varmeværk", "Vind"],
        ["E"] = ["Forsyning", "Genbrug", "Renovation", "Miljø"],
        ["F"] = ["Byg", "Entreprise", "Tømrer & Snedker", "El-service", "VVS", "Malerfirma", "Murerfirma", "Anlæg"],
        ["G"] = ["Handel", "Engros", "Auto", "Supermarked", "Tøj", "Byggemarked", "Cykler"],
        ["H"] = ["Transport", "Logistik", "Vognmandsforretning", "Bus", "Fragt"],
        ["I"] = ["Hotel", "Restaurant", "Café", "Kro", "Catering", "Pizzeria"],
        ["J"] = ["IT", "Software", "Data", "Media", "Web"],
        ["K"] = ["Finans", "Forsikring", "Sparekasse", "Leasing"],
        ["L"] = ["Ejendomme", "Boligselskab", "Ejendomsadministration"],
        ["M"] = ["Rådgivning", "Arkitekter", "Revision", "Ingeniører", "Advokater"],
        ["N"] = ["Rengøring", "Service", "Vikarservice", "Vagt", "Facility"],
        ["O"] = ["Forvaltning", "Borgerservice", "Jobcenter", "Materielgård"],
        ["P"] = ["Skole", "Efterskole", "Sprogcenter", "Produktionsskole", "Børnehave"],
        ["Q"] = ["Plejecenter", "Lægehus", "Tandlægerne", "Hjemmepleje", "Bosted"],
        ["R"] = ["Kulturhus", "Fitness", "Idrætscenter", "Bibliotek", "Teater"],
        ["S"] = ["Frisør", "Vaskeri", "Klinik", "Forening"],
    };

    /// <summary>Place words for company names, mostly from the Aalborg area.</summary>
    public static readonly string[] PlaceWords =
    [
        "Nordjysk", "Limfjords", "Aalborg", "Vendsyssel", "Himmerlands", "Nibe", "Hals", "Nørresundby", "Svenstrup", "Vodskov", "Gistrup", "Klarup", "Øster", "Vester", "Nord",
    ];

    /// <summary>Street names found in most Danish towns, for addresses outside the demo's Aalborg streets.</summary>
    public static readonly string[] CommonStreets =
    [
        "Industrivej", "Hovedgaden", "Stationsvej", "Nørregade", "Søndergade", "Vestergade", "Østergade", "Skolevej", "Engvej", "Håndværkervej", "Møllevej", "Kirkevej", "Bygaden", "Fabriksvej",
    ];

    public static readonly string[] CancelledReasons =
    [
        "Aflyst før start: borgeren fik ordinært job andetsteds.",
        "Aflyst før start: virksomheden kunne alligevel ikke tage imod.",
        "Aflyst før start: borgeren blev syg.",
    ];

    public static readonly string[] WithdrawalReasons =
    [
        "Fandt selv arbejde.",
        "Flyttet fra kommunen.",
        "Påbegyndt uddannelse.",
        "Overgået til pension.",
        "Afmeldt efter eget ønske.",
    ];

    public static readonly string[] StatementComments =
    [
        "Ingen betænkeligheder; praktikanten får en fast kontaktperson.",
        "Medarbejderne bakker op, så længe ingen ordinære opgaver fortrænges.",
        "Aftalt at forløbet evalueres efter halvdelen af perioden.",
    ];

    public const string NegativeStatementComment = "Medarbejderne frygter, at forløbet fortrænger en ordinær stilling.";
}
