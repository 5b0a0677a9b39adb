using Microsoft.EntityFrameworkCore;

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
}
