using System.Globalization;
using static CrmAlliance.Api.Features.Yield.Monitoring.MonitoringCodes;

namespace CrmAlliance.Api.Features.Yield.Monitoring;

/// <summary>The HTML report's Danish labels for the long table's English codes, and Danish number formats.</summary>
public static class MonitoringLabels
{
    /// <summary>Danish separators without relying on the host's culture data (containers may lack ICU).</summary>
    public static readonly NumberFormatInfo Danish = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NumberGroupSizes = [3] };

    private static readonly Dictionary<string, string> Measures = new()
    {
        [Members] = "Medlemmer",
        [ActivePartners] = "Aktive partnere",
        [CooperationShare] = "Samarbejdsgrad",
        [FreeLabourRisk] = "Virksomheder med risiko for gratis arbejdskraft",
        [Contacts] = "Virksomhedskontakter",
        [VacanciesPosted] = "Opslåede stillinger",
        [PositionsOffered] = "Udbudte pladser",
        [PlacementsStarted] = "Påbegyndte forløb",
        [PlacementWeeks] = "Forløbsuger",
        [PlacementsEnded] = "Afsluttede forløb",
        [Pledged] = "Tilsagn (pladser)",
        [PledgeFulfilment] = "Opfyldelse af tilsagn",
        ["reach"] = "Rækkevidde (langt fra arbejdsmarkedet)",
        ["workOrEducation"] = "Job eller uddannelse ved afslutning",
        ["selfSupportingAfter1Month"] = "Selvforsørgende efter 1 md.",
        ["selfSupportingAfter3Months"] = "Selvforsørgende efter 3 mdr.",
        ["selfSupportingAfter6Months"] = "Selvforsørgende efter 6 mdr.",
        ["selfSupportingAfter12Months"] = "Selvforsørgende efter 12 mdr.",
        ["conversion"] = "Konvertering til ordinært job",
    };

    private static readonly Dictionary<string, string> Slices = new()
    {
        [All] = "I alt",
        [Active] = "Aktive",
        [Dormant] = "Passive",
        ["OrdinaryJob"] = "Ordinært job",
        ["Internship"] = "Virksomhedspraktik",
        ["WageSubsidy"] = "Løntilskud",
        ["AdultApprenticeship"] = "Voksenlærling",
        ["FlexJob"] = "Fleksjob",
        ["Mentor"] = "Mentor",
        ["InsuredUnemployed"] = "Forsikrede ledige (dagpenge)",
        ["JobReadySocialAssistance"] = "Jobparate kontanthjælpsmodtagere",
        ["ActivityReadySocialAssistance"] = "Aktivitetsparate kontanthjælpsmodtagere",
        ["EducationBenefit"] = "Uddannelseshjælp",
        ["SicknessBenefit"] = "Sygedagpenge",
        ["FlexJobSeeker"] = "Ledighedsydelse",
        ["ResourceProgramme"] = "Ressourceforløb",
        ["Integration"] = "Integration",
        ["NewGraduate"] = "Dimittender",
    };

    /// <summary>DB07's sections (Danmarks Statistik's short titles).</summary>
    private static readonly Dictionary<string, string> IndustrySections = new()
    {
        ["A"] = "Landbrug, skovbrug og fiskeri",
        ["B"] = "Råstofindvinding",
        ["C"] = "Fremstillingsvirksomhed",
        ["D"] = "Energiforsyning",
        ["E"] = "Vandforsyning og renovation",
        ["F"] = "Bygge og anlæg",
        ["G"] = "Handel",
        ["H"] = "Transport",
        ["I"] = "Hoteller og restauranter",
        ["J"] = "Information og kommunikation",
        ["K"] = "Finansiering og forsikring",
        ["L"] = "Ejendomshandel og udlejning",
        ["M"] = "Liberale, videnskabelige og tekniske tjenesteydelser",
        ["N"] = "Administrative tjenesteydelser",
        ["O"] = "Offentlig administration, forsvar og socialsikring",
        ["P"] = "Undervisning",
        ["Q"] = "Sundhed og socialvæsen",
        ["R"] = "Kultur, forlystelser og sport",
        ["S"] = "Andre serviceydelser",
        ["T"] = "Private husholdninger med ansatte",
        ["U"] = "Eksterritoriale organisationer",
        ["?"] = "Ukendt branche",
    };

    /// <summary>The long table's sections, as the Danish CSV names them.</summary>
    private static readonly Dictionary<string, string> Sections = new()
    {
        ["report"] = "Rapport",
        [AllianceSection] = "Alliancen",
        [OfferKindSection] = "Tilbudstype",
        [TargetGroupSection] = "Målgruppe",
        [QuarterSection] = "Kvartal",
        [EffectTargetSection] = "Effektmål",
        [IndustrySection] = "Branche",
    };

    /// <summary>The report's own facts (the CSV's <c>report</c> lines).</summary>
    private static readonly Dictionary<string, string> ReportFacts = new()
    {
        ["period"] = "Periode",
        ["targetYear"] = "Målår",
        ["definitionVersion"] = "Definitionsversion",
        ["asOf"] = "Opgjort pr.",
        ["generatedAt"] = "Dannet (UTC)",
        ["suppressionThreshold"] = "Diskretionsgrænse",
    };

    public static string Measure(string code) => Measures.GetValueOrDefault(code, code);

    public static string Section(string code) => Sections.GetValueOrDefault(code, code);

    public static string ReportFact(string code) => ReportFacts.GetValueOrDefault(code, code);

    public static string Slice(string section, string slice) => section switch
    {
        IndustrySection when slice != All => $"{slice} {IndustrySections.GetValueOrDefault(slice, slice)}",
        QuarterSection when slice != All => QuarterLabel(slice),
        EffectTargetSection => string.Join(" · ", slice.Split('/').Select(s => Slices.GetValueOrDefault(s, s))),
        _ => Slices.GetValueOrDefault(slice, slice),
    };

    /// <summary>"2025-Q1" → "1. kvt. 2025"; a clipped quarter keeps its months ("2025-02..2025-03").</summary>
    public static string QuarterLabel(string slice)
        => slice.Length == 7 && slice[4..6] == "-Q" ? $"{slice[6]}. kvt. {slice[..4]}" : slice;

    public static string Count(decimal value) => value.ToString("#,0.#", Danish);

    public static string Percent(double rate) => (rate * 100).ToString("0.0", Danish) + "\u00A0%";

    public static string Percent(decimal percent) => percent.ToString("0.#", Danish) + "\u00A0%";
}
