using CrmAlliance.Api.Core;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

public static class Relay
{
    /// <summary>Declares a Relay connection field with bounded paging arguments.</summary>
    public static FieldBuilder<object?, object> Connection<TNodeGraphType>(this ObjectGraphType type, string name, string description)
        where TNodeGraphType : IGraphType
        => type.Field<NonNullGraphType<ConnectionType<TNodeGraphType>>>(name)
            .Description(description)
            .Argument<IntGraphType>("first", $"How many to return (default {PageRequest.DefaultSize}, at most {PageRequest.MaxSize}).")
            .Argument<StringGraphType>("after", "Return those after this cursor (an `endCursor` from the previous page).");

    public static PageRequest Paging(this IResolveFieldContext context)
        => new(context.GetArgument<int?>("first"), context.GetArgument<string?>("after"));

    public static Connection<T> ToConnection<T>(this Page<T> page)
    {
        var edges = page.Items.Select((item, i) => new Edge<T> { Node = item, Cursor = Cursor.Encode(page.Offset + i) }).ToList();
        return new Connection<T>
        {
            Edges = edges,
            TotalCount = page.TotalCount,
            PageInfo = new PageInfo
            {
                HasNextPage = page.HasNextPage,
                HasPreviousPage = page.Offset > 0,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }
}
