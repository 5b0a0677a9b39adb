using System.Runtime.ExceptionServices;
using CrmAlliance.Api.Core;
using GraphQL.DataLoader;

namespace CrmAlliance.Api.Infrastructure.GraphQL;

/// <summary>
/// Collects the keys asked for while one level of the query resolves, then fetches them all in one call.
/// GraphQL.NET defers every <see cref="IDataLoaderResult"/> until the other nodes of the level are done,
/// so a list of 50 companies asking for their workplaces costs one query, not 50.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly HashSet<TKey> _pending = [];
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private readonly HashSet<TKey> _fetched = [];
    private readonly Dictionary<TKey, ExceptionDispatchInfo> _failed = [];

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        if (!_fetched.Contains(key))
        {
            _pending.Add(key);
        }

        return new Result(this, key);
    }

    private async Task<TValue?> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        if (_pending.Count > 0 && !_fetched.Contains(key))
        {
            var keys = _pending.ToList();
            _pending.Clear();
            _fetched.UnionWith(keys);
            try
            {
                var values = await fetch(keys, cancellationToken);
                foreach (var k in keys)
                {
                    if (values.TryGetValue(k, out var value))
                    {
                        _loaded[k] = value;
                    }
                }
            }
            catch (CrmException ex)
            {
                // A refusal by the core answers every key of the batch, not only the one whose turn ran the fetch.
                var refusal = ExceptionDispatchInfo.Capture(ex);
                foreach (var k in keys)
                {
                    _failed[k] = refusal;
                }
            }
        }

        if (_failed.TryGetValue(key, out var failure))
        {
            failure.Throw();
        }

        return _loaded.TryGetValue(key, out var result) ? result : default;
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}

/// <summary>The request's loaders, one per name: resolvers that share a name share a batch.</summary>
public sealed class RequestLoaders
{
    private readonly Dictionary<string, object> _loaders = [];

    public BatchLoader<TKey, TValue> For<TKey, TValue>(string name, Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull
    {
        if (!_loaders.TryGetValue(name, out var loader))
        {
            loader = new BatchLoader<TKey, TValue>(fetch);
            _loaders[name] = loader;
        }

        return (BatchLoader<TKey, TValue>)loader;
    }

    /// <summary>A loader for one-to-many relations: each key gets a (possibly empty) list.</summary>
    public IDataLoaderResult<IReadOnlyList<TValue>?> ForMany<TKey, TValue>(string name, TKey key, Func<IReadOnlyCollection<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> fetch)
        where TKey : notnull
        => For<TKey, IReadOnlyList<TValue>>(name, async (keys, ct) =>
        {
            var lookup = await fetch(keys, ct);
            return keys.ToDictionary(k => k, k => (IReadOnlyList<TValue>)lookup[k].ToList());
        }).Load(key);
}
