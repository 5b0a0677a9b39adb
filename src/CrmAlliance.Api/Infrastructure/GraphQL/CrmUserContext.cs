using CrmAlliance.Api.Core;
using GraphQL;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

/// <summary>Per-request GraphQL context: the signed-in actor (null when anonymous).</summary>
public sealed class CrmUserContext(Actor? actor) : Dictionary<string, object?>
{
    public Actor? Actor { get; } = actor;
}

public static class ResolveFieldContextExtensions
{
    /// <summary>The signed-in actor; refuses anonymous requests.</summary>
    public static Actor Actor(this IResolveFieldContext context)
        => (context.UserContext as CrmUserContext)?.Actor ?? throw new UnauthenticatedException();

    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull
        => context.RequestServices!.GetRequiredService<T>();

    public static RequestLoaders Loaders(this IResolveFieldContext context) => context.Service<RequestLoaders>();
}
