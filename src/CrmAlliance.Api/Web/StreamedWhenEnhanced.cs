using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CrmAlliance.Api.Web;

/// <summary>
/// Streams the renders of its content that come after the first response (a form handler's progress, then its result),
/// but only to a request from blazor.web.js (an enhanced navigation or form post). Streamed renders arrive as
/// <c>&lt;template&gt;</c> elements after the document, which only blazor.web.js moves into the page; a browser without
/// JavaScript would keep showing the first render forever. That request instead gets one response once the work is done,
/// as if the content did not stream. (<c>[StreamRendering]</c> on a page cannot choose per request; this can.)
/// </summary>
public sealed class StreamedWhenEnhanced : ComponentBase
{
    [CascadingParameter] private HttpContext? Http { get; set; }

    [Parameter] public RenderFragment? ChildContent { get; set; }

    /// <summary>
    /// The framework's own test (EndpointHtmlRenderer.IsProgressivelyEnhancedNavigation): blazor.web.js sends exactly this
    /// Accept header with its enhanced requests, and no browser sends it of its own accord.
    /// </summary>
    public static bool IsEnhanced(HttpRequest? request)
        => request?.Headers.Accept is [var accept] && string.Equals(accept, "text/html; blazor-enhanced-nav=on", StringComparison.Ordinal);

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent(0, IsEnhanced(Http?.Request) ? typeof(Streamed) : typeof(Buffered));
        builder.AddComponentParameter(1, nameof(Streamed.ChildContent), ChildContent);
        builder.CloseComponent();
    }

    /// <summary>Its content streams: the response starts at once, and each later render follows as it happens.</summary>
    [StreamRendering(true)]
    private sealed class Streamed : ComponentBase
    {
        [Parameter] public RenderFragment? ChildContent { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, ChildContent);
    }

    /// <summary>Its content does not stream: the response waits for the work, whatever an ancestor says.</summary>
    [StreamRendering(false)]
    private sealed class Buffered : ComponentBase
    {
        [Parameter] public RenderFragment? ChildContent { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, ChildContent);
    }
}
