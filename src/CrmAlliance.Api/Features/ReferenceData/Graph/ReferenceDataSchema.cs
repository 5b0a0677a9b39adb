using CrmAlliance.Api.Features.ReferenceData.Search;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.ReferenceData.Graph;

/// <summary>Code lists users pick from instead of typing codes.</summary>
public sealed class ReferenceDataSchema : ISchemaContributor
{
    private const string Ranking = "the exact code, then codes starting with the digits, then titles starting with the search, then titles with a word starting with each word searched, then titles starting with the search once a Danish ending (-e, -er, -ere, -erne, -en, -et) is taken off its last word, then titles where a searched word is found only as such an inflected form or as a compound beginning with a title word (\"svejser\" as \"svejs\", \"lagerarbejdere\" beginning with \"lager\"), then titles where a searched word of three letters or more is found inside a compound word; each group in the classification's order. Without `search`, every entry in that order.";
    private const string SearchArgument = "Words or a code, at most 100 characters; case, accents and a keyboard without æ/ø/å (ae/oe/aa) do not matter, and a few everyday names and abbreviations are understood (see README). E.g.";
    private const string FirstArgument = "How many to return (0 to 100).";
    private const string OffsetArgument = "How many of the ranked matches to skip (for the next page).";

    public void AddQueries(QueryType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<OccupationGraphType>>>>("occupations")
            .AllowRoles(RoleMetadata.Everyone)
            .Description("DISCO-08 occupations (Danish titles, to six digits) with ISCO-08's English titles, best match first: " + Ranking)
            .Argument<StringGraphType>("search", SearchArgument + " \"svejs\", \"svejsere\", \"sosu-assistent\", \"lager\", \"welder\" or \"7212\".")
            .Argument<StringGraphType>("codePrefix", "Only codes starting with these digits.")
            .Argument<BooleanGraphType>("mostSpecific", "Only the codes to pick for a vacancy or a candidate (`mostSpecific: true`): DISCO-08's six-digit job categories and the ISCO-08 unit groups DISCO-08 leaves out. A unit group and its only job category share a title (7212 and 721200), so a picker that offers both shows the same occupation twice.", a => a.DefaultValue = false)
            .Argument<IntGraphType>("first", FirstArgument, a => a.DefaultValue = ReferenceSearchRequest.DefaultFirst)
            .Argument<IntGraphType>("offset", OffsetArgument, a => a.DefaultValue = 0)
            .Resolve(c =>
            {
                c.Actor();
                return c.Service<OccupationSearch>().Search(Request(c), c.GetArgument("mostSpecific", false)).Items;
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndustryGraphType>>>>("industries")
            .AllowRoles(RoleMetadata.Everyone)
            .Description("DB07 industries (Danish titles, every level down to the six-digit codes companies carry) with NACE Rev. 2's English titles, best match first: " + Ranking)
            .Argument<StringGraphType>("search", SearchArgument + " \"lager\", \"vvs\", \"software\" or \"620100\".")
            .Argument<StringGraphType>("codePrefix", "Only codes starting with these characters, dots ignored: \"62\" gives 62, 62.0, 62.01 … and 620100.")
            .Argument<IntGraphType>("first", FirstArgument, a => a.DefaultValue = ReferenceSearchRequest.DefaultFirst)
            .Argument<IntGraphType>("offset", OffsetArgument, a => a.DefaultValue = 0)
            .Resolve(c =>
            {
                c.Actor();
                return c.Service<IndustrySearch>().Search(Request(c)).Items;
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PostcodeGraphType>>>>("postcodes")
            .AllowRoles(RoleMetadata.Everyone)
            .Description("Danish postcodes whose code starts with `codePrefix` or whose town contains `search`; at most 50.")
            .Argument<StringGraphType>("search", "Part of the town name.")
            .Argument<StringGraphType>("codePrefix", "Leading digits.")
            .Resolve(c =>
            {
                c.Actor();
                var search = c.GetArgument<string?>("search");
                var prefix = c.GetArgument<string?>("codePrefix");
                return c.Service<ReferenceCatalog>().Postcodes
                    .Where(p => (prefix is null || p.Code.StartsWith(prefix, StringComparison.Ordinal)) && (search is null || p.Name.Contains(search, StringComparison.OrdinalIgnoreCase)))
                    .Take(50).ToList();
            });
    }

    private static ReferenceSearchRequest Request(IResolveFieldContext c)
        => new(c.GetArgument<string?>("search"), c.GetArgument<string?>("codePrefix"), c.GetArgument("first", ReferenceSearchRequest.DefaultFirst), c.GetArgument("offset", 0));
}

public sealed class OccupationGraphType : ObjectGraphType<Occupation>
{
    public OccupationGraphType()
    {
        Name = "Occupation";
        Description = "A DISCO-08 occupation group (source: Danmarks Statistik), or an ISCO-08 group DISCO-08 leaves out (source: ESCO, European Commission; ISCO-08 by the ILO).";
        Field(o => o.Code).Description("Code: 1 digit (major) to 4 digits (unit group), or 6 digits (a DISCO-08 job category).");
        Field(o => o.Level).Description("major, sub-major, minor, unit or job (DISCO-08's six-digit job categories).");
        Field(o => o.Title).Description("English title (ISCO-08). A code ISCO-08 lacks (a six-digit job category, DISCO-08's unit groups 2343 and 2357) has the title of the nearest ISCO-08 group above it.");
        Field(o => o.TitleDa, nullable: true).Description("Danish title (DISCO-08); null for the ISCO-08 groups DISCO-08 leaves out (63, 631–634, 1113, 4414, 5243, 7111, 9624).");
        Field(o => o.MostSpecific).Description("No code lies below this one: a code to pick for a vacancy or a candidate (a six-digit job category, or an ISCO-08 unit group DISCO-08 leaves out). Groups above stay valid codes.");
    }
}

public sealed class IndustryGraphType : ObjectGraphType<Industry>
{
    public IndustryGraphType()
    {
        Name = "Industry";
        Description = "A DB07 industry (source: Danmarks Statistik): a NACE Rev. 2 entry (source: Eurostat) or one of DB07's six-digit subclasses.";
        Field(i => i.Code).Description("Code as Eurostat writes it, e.g. 62.01; a subclass as companies carry it in `industryCode`, e.g. 620100.");
        Field(i => i.Level).Description("section, division, group, class or subclass (DB07's six digits).");
        Field(i => i.Parent, nullable: true).Description("The parent's code.");
        Field(i => i.Title).Description("English title (NACE Rev. 2); a subclass has its class's.");
        Field<NonNullGraphType<StringGraphType>>("titleDa").Description("Danish title (DB07).").Resolve(c => c.Source.TitleDa);
    }
}

public sealed class PostcodeGraphType : ObjectGraphType<Postcode>
{
    public PostcodeGraphType()
    {
        Name = "Postcode";
        Description = "A Danish postcode (source: DAWA, Danmarks Adresser) with its approximate centre.";
        Field(p => p.Code).Description("Four digits.");
        Field(p => p.Name).Description("Town.");
        Field(p => p.Latitude, nullable: true).Description("Approximate centre, latitude.");
        Field(p => p.Longitude, nullable: true).Description("Approximate centre, longitude.");
    }
}
