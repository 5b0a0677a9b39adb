using CrmAlliance.Api.Core;
using GraphQL;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

public static class MutationRunner
{
    /// <summary>Resolves a mutation by handing its <c>input</c> argument to the feature's handler.</summary>
    public static async Task<object?> Run<THandler, TInput, TResult>(IResolveFieldContext context, Func<THandler, TInput, Actor, CancellationToken, Task<TResult>> handle)
        where THandler : notnull
    {
        var actor = context.Actor();
        var input = context.GetArgument<TInput>("input");
        return await handle(context.Service<THandler>(), input, actor, context.CancellationToken);
    }
}
