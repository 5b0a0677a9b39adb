using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

/// <summary>A feature adds its root fields through this, so the root types know no feature.</summary>
public interface ISchemaContributor
{
    void AddQueries(QueryType query)
    {
    }

    void AddMutations(MutationType mutation)
    {
    }
}

/// <summary>Looks up an object for <c>node(id)</c> by the type named in its global ID.</summary>
public interface INodeResolver
{
    string TypeName { get; }

    object? Resolve(Guid id, IResolveFieldContext context);
}

public sealed class QueryType : ObjectGraphType
{
    public QueryType(IEnumerable<ISchemaContributor> contributors, IEnumerable<INodeResolver> nodeResolvers)
    {
        Name = "Query";
        Description = "Everything a signed-in user may read. Lists are Relay connections: pass `first` (at most 100) and `after`.";
        var resolvers = nodeResolvers.ToDictionary(r => r.TypeName);
        Field<NodeInterface>("node")
            .AllowRoles(RoleMetadata.Everyone)
            .Description("Any object by its global ID, if you may see it.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global ID as returned in an `id` field.")
            .Resolve(context =>
            {
                context.Actor();
                var globalId = context.GetArgument<string>("id");
                return GlobalId.TryDecode(globalId, out var type, out var key) && Guid.TryParse(key, out var id) && resolvers.TryGetValue(type, out var resolver)
                    ? resolver.Resolve(id, context)
                    : null;
            });
        foreach (var contributor in contributors)
        {
            contributor.AddQueries(this);
        }
    }
}

public sealed class MutationType : ObjectGraphType
{
    public MutationType(IEnumerable<ISchemaContributor> contributors)
    {
        Name = "Mutation";
        Description = "Every change. A failing mutation changes nothing and returns errors with `extensions.code` and `extensions.field`.";
        foreach (var contributor in contributors)
        {
            contributor.AddMutations(this);
        }
    }
}

public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global ID, which `node(id)` finds again.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global ID.");
    }
}

public sealed class CrmSchema : Schema
{
    public CrmSchema(IServiceProvider services, QueryType query, MutationType mutation)
        : base(services)
    {
        Description = "CrmAlliance: Jobcenter Aalborg's CRM for the partners of Aalborg Alliancen.";
        Query = query;
        Mutation = mutation;
    }
}
