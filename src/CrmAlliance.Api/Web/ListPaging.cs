using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Web;

/// <summary>Lists page by a page number in the query string (<c>side=2</c>); the core pages by offset cursor.</summary>
public static class ListPaging
{
    public const int DefaultSize = 20;

    public static PageRequest Request(int? page, int size = DefaultSize)
        => new(size, page is > 1 ? Cursor.Encode(((page.Value - 1) * size) - 1) : null);

    public static int Current(int? page) => page is > 1 ? page.Value : 1;

    public static int PageCount(int total, int size = DefaultSize) => Math.Max(1, (total + size - 1) / size);
}
