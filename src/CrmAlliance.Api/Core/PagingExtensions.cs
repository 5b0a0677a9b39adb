using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CrmAlliance.Api.Core;

public static class PagingExtensions
{
    /// <summary>Counts and fetches one page in two round trips, whatever the page size.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> sortedQuery, PageRequest page, CancellationToken cancellationToken)
    {
        page.Validate();
        var total = await sortedQuery.CountAsync(cancellationToken);
        var items = page.Size == 0
            ? []
            : await sortedQuery.Skip(page.Offset).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<T>(items, total, page.Offset);
    }

    /// <summary>
    /// The same, on one opening of the connection: EF opens and closes it around each query, and on SQLite each opening
    /// registers EF's functions and our collation again, and each closing resets the handle for the pool (about a
    /// seventh of a <c>companies(first: 20)</c> request per opening, issue 13).
    /// </summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> sortedQuery, DatabaseFacade database, PageRequest page, CancellationToken cancellationToken)
    {
        page.Validate();
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await sortedQuery.ToPageAsync(page, cancellationToken);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
