using Bunit;
using CrmAlliance.Api.Web.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.UnitTests.Web.Components;

/// <summary>The language switch: a plain form that offers the other language and brings the user back to the same page.</summary>
public sealed class LanguageSwitchTests : ComponentTest
{
    [Fact]
    public void In_Danish_it_offers_English_and_returns_to_the_page_with_its_query_string()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/virksomheder?q=bager&side=2");

        var form = Render<LanguageSwitch>();

        var button = form.Find("button[name=culture]");
        Assert.Equal("en", button.GetAttribute("value"));
        Assert.Equal("en", button.GetAttribute("lang"));
        Assert.Equal("English", button.TextContent);
        Assert.Equal("/virksomheder?q=bager&side=2", form.Find("input[name=returnUrl]").GetAttribute("value"));
        Assert.Equal("/sprog", form.Find("form").GetAttribute("action"));
    }

    [Fact]
    public void In_English_it_offers_Danish()
    {
        InEnglish();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/");

        var form = Render<LanguageSwitch>();

        var button = form.Find("button[name=culture]");
        Assert.Equal("da-DK", button.GetAttribute("value"));
        Assert.Equal("Dansk", button.TextContent);
        Assert.Equal("/", form.Find("input[name=returnUrl]").GetAttribute("value"));
    }
}
