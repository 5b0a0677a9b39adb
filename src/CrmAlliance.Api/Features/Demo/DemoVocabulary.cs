namespace CrmAlliance.Api.Features.Demo;

/// <summary>A DISCO-08 occupation (its ISCO-08 unit group, 4 digits) with a Danish job title and typical skills.</summary>
public sealed record DemoOccupation(string Code, string Title, string[] Skills);

/// <summary>The Danish words the demo data is made of: occupations, names, streets and the consultants' phrases.</summary>
public static class DemoVocabulary
{
    public static readonly IReadOnlyDictionary<string, DemoOccupation> Occupations = new DemoOccupation[]
    {
        new("7212", "Svejser", ["MIG/MAG-svejsning", "svejsecertifikat", "tegningslæsning"]),
        new("7214", "Klejnsmed", ["klejnsmedearbejde", "tegningslæsning", "kranførercertifikat"]),
        new("7223", "CNC-operatør", ["CNC-programmering", "måleteknik", "Heidenhain"]),
        new("8211", "Montør", ["mekanisk montage", "hydraulik", "tegningslæsning"]),
        new("9329", "Produktionsmedarbejder", ["pakning", "maskinbetjening", "skifteholdsarbejde"]),
        new("4321", "Lagermedarbejder", ["lagerstyring", "plukning med scanner", "truckcertifikat B"]),
        new("7512", "Bager", ["bagersvendebrev", "hygiejnebevis", "natarbejde"]),
        new("5223", "Butiksassistent", ["kundeservice", "kasseekspedition", "varepåfyldning"]),
        new("5230", "Kassemedarbejder", ["kasseekspedition", "kundeservice"]),
        new("7115", "Tømrer", ["tømrersvendebrev", "kørekort B", "stilladsbygning"]),
        new("7112", "Murer", ["murersvendebrev", "flisearbejde"]),
        new("9313", "Byggearbejder", ["jord- og betonarbejde", "kørekort B", "sikkerhedskursus"]),
        new("7119", "Stilladsmontør", ["stilladsuddannelse", "arbejde i højder"]),
        new("7411", "Elektriker", ["autorisation som elinstallatør", "KNX", "kørekort B"]),
        new("7126", "VVS-montør", ["VVS-svendebrev", "lodning", "kørekort B"]),
        new("7131", "Maler", ["malersvendebrev", "spartling", "sprøjtemaling"]),
        new("5120", "Kok", ["hygiejnebevis", "à la carte", "kantinedrift"]),
        new("5131", "Tjener", ["servering", "vinkendskab", "kasseekspedition"]),
        new("9412", "Køkkenmedhjælper", ["opvask", "hygiejnebevis", "kolde anretninger"]),
        new("4224", "Receptionist", ["booking i Opera", "engelsk", "tysk"]),
        new("9112", "Rengøringsassistent", ["erhvervsrengøring", "maskinbetjening", "hygiejne"]),
        new("5151", "Rengøringsleder", ["planlægning", "kvalitetskontrol", "personaleledelse"]),
        new("5321", "Social- og sundhedsassistent", ["SOSU-assistentuddannelse", "medicinhåndtering", "forflytning"]),
        new("5322", "Social- og sundhedshjælper", ["SOSU-hjælperuddannelse", "forflytning", "kørekort B"]),
        new("2221", "Sygeplejerske", ["autorisation som sygeplejerske", "demensviden"]),
        new("5311", "Pædagogmedhjælper", ["børn 0-6 år", "førstehjælp", "motorik"]),
        new("2342", "Pædagog", ["pædagoguddannelse", "sprogstimulering", "forældresamarbejde"]),
        new("3344", "Lægesekretær", ["journalføring", "patientkontakt", "WebPatient"]),
        new("3251", "Klinikassistent", ["klinikassistentuddannelse", "sterilisation"]),
        new("8332", "Lastbilchauffør", ["kørekort C/CE", "chaufføruddannelse (EU-efteruddannelse)", "ADR-bevis"]),
        new("8344", "Truckfører", ["truckcertifikat B", "lagerstyring"]),
        new("9333", "Terminalarbejder", ["pakning", "plukning med scanner", "skifteholdsarbejde"]),
        new("4323", "Disponent", ["ruteplanlægning", "kundekontakt", "engelsk"]),
        new("8322", "Varebilschauffør", ["kørekort B", "kundeservice", "ruteplanlægning"]),
        new("8331", "Buschauffør", ["kørekort D", "chaufføruddannelse (EU-efteruddannelse)", "kundeservice"]),
        new("9122", "Vognvasker", ["bilpleje", "maskinbetjening"]),
        new("7231", "Automekaniker", ["mekanikersvendebrev", "fejlfinding", "aircondition-certifikat"]),
        new("2512", "Softwareudvikler", ["C#", ".NET", "SQL"]),
        new("2514", "Applikationsudvikler", ["JavaScript", "React", "test"]),
        new("3512", "IT-supporter", ["brugersupport", "Microsoft 365", "netværk"]),
        new("9611", "Renovationsarbejder", ["affaldssortering", "kørekort B", "fysisk arbejde"]),
        new("7511", "Slagter", ["slagtersvendebrev", "udskæring", "hygiejnebevis"]),
        new("8160", "Procesoperatør", ["procesoperatøruddannelse", "hygiejnebevis", "skifteholdsarbejde"]),
        new("7522", "Møbelsnedker", ["snedkersvendebrev", "CNC-fræsning", "overfladebehandling"]),
        new("8219", "Montagemedarbejder", ["montage", "kvalitetskontrol"]),
        new("6113", "Anlægsgartner", ["anlægsgartnersvendebrev", "maskinførerbevis", "belægning"]),
        new("9214", "Gartnermedhjælper", ["græsslåning", "beskæring", "kørekort B"]),
        new("5141", "Frisør", ["frisørsvendebrev", "farvning", "kundeservice"]),
        new("4110", "Kontorassistent", ["Microsoft Office", "telefonbetjening", "journalisering"]),
        new("4311", "Bogholder", ["e-conomic", "momsafregning", "debitorstyring"]),
        new("3313", "Regnskabsassistent", ["e-conomic", "Excel", "afstemning"]),
        new("2421", "Konsulent", ["projektledelse", "analyse", "engelsk"]),
        new("2142", "Bygningsingeniør", ["statik", "AutoCAD", "projektering"]),
        new("3112", "Bygningskonstruktør", ["Revit", "byggeledelse", "tilbudsgivning"]),
        new("5414", "Vagt", ["vagtkort", "førstehjælp", "kørekort B"]),
    }.ToDictionary(o => o.Code);

    public static readonly IReadOnlyDictionary<Trade, string[]> OccupationsByTrade = new Dictionary<Trade, string[]>
    {
        [Trade.Metal] = ["7212", "7214", "7223", "8211", "9329", "4321"],
        [Trade.Bakery] = ["7512", "5223", "9329"],
        [Trade.Construction] = ["7115", "7112", "9313", "7119"],
        [Trade.Electrical] = ["7411", "9313", "4110"],
        [Trade.Plumbing] = ["7126", "9313"],
        [Trade.Carpentry] = ["7115", "9313"],
        [Trade.Painting] = ["7131", "9313"],
        [Trade.Retail] = ["5223", "5230", "4321"],
        [Trade.Restaurant] = ["5120", "5131", "9412"],
        [Trade.Hotel] = ["4224", "9112", "5120", "5131"],
        [Trade.Care] = ["5321", "5322", "2221", "9412", "9112"],
        [Trade.HomeCare] = ["5322", "5321", "4110"],
        [Trade.ChildCare] = ["5311", "2342", "9412"],
        [Trade.Health] = ["3344", "3251", "4110"],
        [Trade.Transport] = ["8332", "9333", "8344", "4323", "8322"],
        [Trade.Warehouse] = ["4321", "8344", "9333"],
        [Trade.Bus] = ["8331", "7231", "9122"],
        [Trade.IT] = ["2512", "2514", "3512"],
        [Trade.Cleaning] = ["9112", "5151"],
        [Trade.AutoRepair] = ["7231", "9122"],
        [Trade.Waste] = ["9611", "8332", "8344"],
        [Trade.FoodProduction] = ["7511", "8160", "9329"],
        [Trade.Furniture] = ["7522", "8219", "9329"],
        [Trade.Landscaping] = ["6113", "9214"],
        [Trade.Hairdresser] = ["5141"],
        [Trade.Office] = ["4311", "3313", "4110", "2421", "2142", "3112"],
        [Trade.Security] = ["5414", "4110"],
    };

    /// <summary>Occupations new graduates (dimittender) from higher education look for.</summary>
    public static readonly string[] GraduateOccupations = ["2512", "2514", "2421", "2142", "3112", "2221", "2342", "3313"];

    /// <summary>The union whose shop steward speaks for the staff, by trade (used in contacts' titles).</summary>
    public static string Union(Trade trade) => trade switch
    {
        Trade.Metal or Trade.AutoRepair or Trade.Furniture => "Dansk Metal",
        Trade.Electrical => "Dansk El-Forbund",
        Trade.Plumbing => "Blik- og Rørarbejderforbundet",
        Trade.Painting => "Malerforbundet",
        Trade.Retail or Trade.Office or Trade.IT => "HK",
        Trade.Care or Trade.HomeCare or Trade.Cleaning => "FOA",
        Trade.ChildCare => "BUPL",
        Trade.Health => "HK",
        _ => "3F",
    };

    public static readonly string[] FirstNames =
    [
        "Mette", "Anne", "Hanne", "Kirsten", "Susanne", "Lone", "Pia", "Helle", "Line", "Camilla", "Louise", "Trine", "Maria", "Sofie", "Ida", "Karina", "Birgitte", "Charlotte",
        "Lars", "Jens", "Søren", "Peter", "Mads", "Rasmus", "Jesper", "Martin", "Henrik", "Ole", "Niels", "Thomas", "Morten", "Kasper", "Jacob", "Michael", "Bo", "Allan",
    ];

    public static readonly string[] LastNames =
    [
        "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen",
        "Olsen", "Thomsen", "Poulsen", "Møller", "Mortensen", "Kjær", "Lund", "Bach", "Nørgaard", "Holm", "Dahl", "Skov", "Vestergaard", "Overgaard", "Bruun",
    ];

    /// <summary>Streets in each Aalborg-area postcode the demo uses.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> StreetsByPostcode = new Dictionary<string, string[]>
    {
        ["9000"] = ["Boulevarden", "Vesterbro", "Østerbro", "Sønderbro", "Kastetvej", "Hjulmagervej", "Jyllandsgade", "Bispensgade"],
        ["9200"] = ["Hobrovej", "Sofiendalsvej", "Skalborgvej", "Mølholmvej"],
        ["9210"] = ["Hadsundvej", "Indkildevej", "Gugvej", "Solkrogen"],
        ["9220"] = ["Nordkranvej", "Rørdalsvej", "Fredrik Bajers Vej", "Egensevej", "Dannebrogsgade"],
        ["9230"] = ["Godthåbsvej", "Svenstrup Bygade"],
        ["9240"] = ["Løgstørvej", "Torvet", "Sønderport"],
        ["9260"] = ["Gistrup Bygade", "Hadsundvej"],
        ["9270"] = ["Klarup Hovedgade", "Ålborgvej"],
        ["9293"] = ["Kongerslev Bygade", "Hadsundvej"],
        ["9310"] = ["Vodskovvej", "Hammer Bakker"],
        ["9370"] = ["Havnegade", "Strandvejen"],
        ["9400"] = ["Thistedvej", "Lindholm Brygge", "Vestergade", "Skydebanevej", "Lindholmsvej"],
        ["9430"] = ["Vadum Kirkevej", "Ny Bangsbovej"],
        ["9530"] = ["Juelstrupvej", "Hobrovej", "Håndværkervej"],
    };

    public static readonly IReadOnlyDictionary<string, string> Towns = new Dictionary<string, string>
    {
        ["9000"] = "Aalborg",
        ["9200"] = "Aalborg SV",
        ["9210"] = "Aalborg SØ",
        ["9220"] = "Aalborg Øst",
        ["9230"] = "Svenstrup",
        ["9240"] = "Nibe",
        ["9260"] = "Gistrup",
        ["9270"] = "Klarup",
        ["9293"] = "Kongerslev",
        ["9310"] = "Vodskov",
        ["9370"] = "Hals",
        ["9400"] = "Nørresundby",
        ["9430"] = "Vadum",
        ["9530"] = "Støvring",
    };

    /// <summary>Where candidates live: the municipality's postcodes, the city weighted as it is in reality.</summary>
    public static readonly string[] CandidatePostcodes = ["9000", "9000", "9000", "9000", "9200", "9200", "9210", "9220", "9220", "9220", "9230", "9240", "9260", "9270", "9310", "9400", "9400", "9430", "9530"];

    public static readonly string[] ContactLogOutcomes =
    [
        "Virksomheden vender tilbage med et svar.",
        "Sender kandidatprofiler inden fredag.",
        "Praktikforløb aftalt.",
        "Ingen aktuelle behov; kontakt igen om et kvartal.",
        "Stilling oprettet i systemet.",
        "Aftalt møde med tillidsrepræsentanten.",
        "Virksomheden vil gerne høre mere om løntilskud.",
    ];

    /// <summary>What consultants write after a contact; {contact}, {title} and {year} are filled in.</summary>
    public static readonly IReadOnlyDictionary<ContactLogs.ContactChannel, string[]> ContactLogSummaries = new Dictionary<ContactLogs.ContactChannel, string[]>
    {
        [ContactLogs.ContactChannel.Visit] =
        [
            "Virksomhedsbesøg hos {contact}: gennemgået rekrutteringsbehovet for {title}; Jobcentret sender kandidater.",
            "Besøg i produktionen med {contact}; drøftet virksomhedspraktik for borgere fra Job- og Aktivhuset.",
            "Opfølgningsbesøg på igangværende forløb; virksomheden er tilfreds og overvejer ansættelse.",
            "Besøg med Virksomhedscentret: afklaret hvilke opgaver en mentor kan varetage.",
        ],
        [ContactLogs.ContactChannel.Phone] =
        [
            "Telefonsamtale med {contact} om en ledig stilling som {title}.",
            "Ringet op om status på partnerskabsaftalen; virksomheden forventer flere ordrer i næste kvartal.",
            "Opkald fra {contact}, der spørger til løntilskud og reglerne om merbeskæftigelse.",
            "Kort opfølgning på telefon: borgeren i praktik trives, fremmøde stabilt.",
        ],
        [ContactLogs.ContactChannel.Email] =
        [
            "Sendt materiale om voksenlærlinge og uddannelsesløft til {contact}.",
            "Mail med tre anonymiserede kandidatprofiler til stillingen som {title}.",
            "Bekræftet aftale om praktikstart og sendt blanket til medarbejderrepræsentantens udtalelse.",
        ],
        [ContactLogs.ContactChannel.Meeting] =
        [
            "Møde om partnerskabsaftalen for {year}: gennemgået tilsagn og målgrupper.",
            "Møde med ledelse og tillidsrepræsentant om praktikforløb og risikoen for fortrængning.",
            "Statusmøde om Aalborg Alliancen: virksomhedens bidrag sidste halvår gennemgået.",
        ],
        [ContactLogs.ContactChannel.Event] =
        [
            "Deltog i Aalborg Alliancens netværksmøde om flaskehalse; {contact} efterspurgte {title}.",
            "Jobmesse for dimittender: virksomheden stillede op og tog imod ansøgninger.",
            "Morgenmøde for alliancevirksomheder om rimelighedskravet og medarbejderrepræsentantens udtalelse.",
        ],
    };

    public static readonly string[] PledgeNotes =
    [
        "Vil gerne tage imod dimittender i praktik i sommerperioden.",
        "Kan tilbyde mentor fra egen medarbejderstab.",
        "Ønsker kandidater med kørekort; vagter også i weekender.",
        "Tilsagnet forudsætter positiv udtalelse fra tillidsrepræsentanten.",
        "Fokus på borgere langt fra arbejdsmarkedet; fleksjob kan aftales.",
    ];

    public static readonly string[] EndedEarlyReasons =
    [
        "Borgeren fik ordinært job andetsteds.",
        "Sygdom: forløbet afbrudt efter aftale med sagsbehandleren.",
        "Gentagne udeblivelser uden afbud.",
        "Opgaverne passede ikke til borgerens skånehensyn.",
    ];
}
