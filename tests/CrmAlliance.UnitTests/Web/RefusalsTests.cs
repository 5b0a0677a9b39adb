using CrmAlliance.Api.Core;
using CrmAlliance.Api.Web;

namespace CrmAlliance.UnitTests.Web;

/// <summary>The one helper pages show the core's refusals through.</summary>
public sealed class RefusalsTests
{
    [Fact]
    public void Each_refusal_has_its_status_and_the_cores_message()
    {
        Assert.Equal(403, Refusals.StatusCode(new ForbiddenException("A company user may only act on its own company.")));
        Assert.Equal(404, Refusals.StatusCode(new NotFoundException("Company", Guid.Empty)));
        Assert.Equal(409, Refusals.StatusCode(new ConflictException("stale")));
        Assert.Equal(400, Refusals.StatusCode(new ValidationException("summary", "is required.")));
        Assert.Equal("A company user may only act on its own company.", Refusals.Message(new ForbiddenException("A company user may only act on its own company.")));
        Assert.Equal("Resumé: is required.", Refusals.FieldMessage(new FieldError("summary", "is required."), "Resumé"));
        Assert.Equal("Companies.Refusal.Forbidden", Refusals.HeadingKey(new ForbiddenException("no")));
    }
}
