using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.ReferenceData.Graph;

/// <summary>Code lists users pick from instead of typing codes.</summary>
public sealed class ReferenceDataSchema : ISchemaContributor
{
    public void AddQueries(QueryType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<OccupationGraphType>>>>("occupations")
            .AllowRoles(RoleMetadata.Everyone)
            .Description("ISCO-08 groups (the basis of DISCO-08) whose code starts with `codePrefix` or whose title contains `search`; at most 50.")
            .Argument<StringGraphType>("search", "Part of the title, case-insensitive.")
            .Argument<StringGraphType>("codePrefix", "Leading digits of the code.")
            .Resolve(c =>
            {
                c.Actor();
                var search = c.GetArgument<string?>("search");
                var prefix = c.GetArgument<string?>("codePrefix");
                return c.Service<ReferenceCatalog>().Occupations
                    .Where(o => (prefix is null || o.Code.StartsWith(prefix, StringComparison.Ordinal)) && (search is null || o.Title.Contains(search, StringComparison.OrdinalIgnoreCase)))
                    .Take(50).ToList();
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndustryGraphType>>>>("industries")
            .AllowRoles(RoleMetadata.Everyone)
            .Description("NACE Rev. 2 entries (the basis of DB07) whose code starts with `codePrefix` or whose title contains `search`; at most 50. A DB07 code is a class's four digits plus two.")
            .Argument<StringGraphType>("search", "Part of the title, case-insensitive.")
            .Argument<StringGraphType>("codePrefix", "Leading characters of the code, e.g. \"62\".")
            .Resolve(c =>
            {
                c.Actor();
                var search = c.GetArgument<string?>("search");
                var prefix = c.GetArgument<string?>("codePrefix");
                return c.Service<ReferenceCatalog>().Industries
                    .Where(i => (prefix is null || i.Code.StartsWith(prefix, StringComparison.Ordinal)) && (search is null || i.Title.Contains(search, StringComparison.OrdinalIgnoreCase)))
                    .Take(50).ToList();
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
}

public sealed class OccupationGraphType : ObjectGraphType<Occupation>
{
    public OccupationGraphType()
    {
        Name = "Occupation";
        Description = "An ISCO-08 group (source: ESCO, European Commission; ISCO-08 by the ILO).";
        Field(o => o.Code).Description("Code: 1 digit (major) to 4 digits (unit group).");
        Field(o => o.Level).Description("major, sub-major, minor or unit.");
        Field(o => o.Title).Description("English title.");
    }
}

public sealed class IndustryGraphType : ObjectGraphType<Industry>
{
    public IndustryGraphType()
    {
        Name = "Industry";
        Description = "A NACE Rev. 2 entry (source: Eurostat).";
        Field(i => i.Code).Description("Code as Eurostat writes it, e.g. 62.01.");
        Field(i => i.Level).Description("section, division, group or class.");
        Field(i => i.Parent, nullable: true).Description("The parent's code.");
        Field(i => i.Title).Description("English title.");
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
