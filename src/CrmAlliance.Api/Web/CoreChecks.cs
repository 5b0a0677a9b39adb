using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Web;

/// <summary>
/// Whether a page offers an action (a button, a link): the core's own check is asked, so a page shows the action to
/// exactly those the handler would let through and never decides who may act itself.
/// </summary>
public static class CoreChecks
{
    public static bool Allows(Actor actor, Action<Actor> require)
    {
        ArgumentNullException.ThrowIfNull(require);
        try
        {
            require(actor);
            return true;
        }
        catch (ForbiddenException)
        {
            return false;
        }
    }
}
