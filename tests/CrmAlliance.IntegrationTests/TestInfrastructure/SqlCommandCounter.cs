using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>
/// Counts the SQL round trips the Api makes while serving requests, for the DataLoader bound tests.
/// Background work (the outbox dispatcher, bus consumers) runs outside any request and is not counted.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    // HttpContextAccessor keeps the current request in an AsyncLocal shared by all its instances.
    private readonly HttpContextAccessor _requests = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        CountIfInRequest();
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        CountIfInRequest();
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        CountIfInRequest();
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void CountIfInRequest()
    {
        if (_requests.HttpContext is not null)
        {
            Interlocked.Increment(ref _count);
        }
    }
}
