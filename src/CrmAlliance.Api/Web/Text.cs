namespace CrmAlliance.Api.Web;

/// <summary>The web UI's user-facing text: <c>Text.resx</c> is Danish (the default), <c>Text.en.resx</c> English.</summary>
public sealed class Text;
