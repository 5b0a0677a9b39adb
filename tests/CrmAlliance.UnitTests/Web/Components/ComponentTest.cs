using System.Globalization;
using Bunit;
using CrmAlliance.Api.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.UnitTests.Web.Components;

/// <summary>
/// Renders the web UI's components with bUnit, without a browser or a server, and with the real texts: the Api's
/// <c>IStringLocalizer&lt;Text&gt;</c> over Text.resx and Text.en.resx. Cultures as the web UI sets them
/// (<see cref="WebUi.AddCrmWebUi"/>): numbers and dates always da-DK, the texts Danish unless a test switches to English.
/// </summary>
public abstract class ComponentTest : BunitContext
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    protected ComponentTest()
    {
        Services.AddLocalization();
        CultureInfo.CurrentCulture = WebUi.Danish;
        CultureInfo.CurrentUICulture = WebUi.Danish;
    }

    /// <summary>The user chose English: the texts switch, numbers and dates stay Danish.</summary>
    protected static void InEnglish() => CultureInfo.CurrentUICulture = WebUi.English;

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
        base.Dispose(disposing);
    }
}
