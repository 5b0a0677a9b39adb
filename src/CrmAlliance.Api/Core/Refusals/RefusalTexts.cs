namespace CrmAlliance.Api.Core;

/// <summary>The refusals' texts: <c>RefusalTexts.resx</c> is Danish (the default), <c>RefusalTexts.en.resx</c> English.</summary>
public sealed class RefusalTexts;
