using System.Reflection;
using CrmAlliance.Api.Web;
using Microsoft.AspNetCore.Components;

namespace CrmAlliance.UnitTests.Web;

/// <summary>
/// A query value Blazor cannot convert (<c>?side=abc</c> into an <c>int?</c>) fails the whole request with a 500, so
/// every page takes its query values as text and reads them with <see cref="QueryValue"/>.
/// </summary>
public sealed class QueryParameterTests
{
    [Fact]
    public void Every_query_parameter_of_every_page_is_text()
    {
        var typed = typeof(QueryValue).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(p => p.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is not null && p.PropertyType != typeof(string))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}: {p.PropertyType.Name}")
            .ToList();

        Assert.Empty(typed);
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("1", 1)]
    [InlineData("0", null)]
    [InlineData("-2", null)]
    [InlineData("abc", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData(" 2", null)]
    [InlineData("٣", null)]
    [InlineData("2147483648", QueryValue.MaximumPage)]
    [InlineData("99999999999", QueryValue.MaximumPage)]
    [InlineData("1000001", QueryValue.MaximumPage)]
    [InlineData("123456789012345678901234567890", QueryValue.MaximumPage)]
    [InlineData("000", null)]
    public void A_page_number_is_read_leniently(string? text, int? expected) => Assert.Equal(expected, QueryValue.Page(text));

    [Fact]
    public void An_id_is_read_or_ignored()
    {
        var id = Guid.NewGuid();

        Assert.Equal(id, QueryValue.Id(id.ToString()));
        Assert.Null(QueryValue.Id("x"));
        Assert.Null(QueryValue.Id(null));
    }
}
