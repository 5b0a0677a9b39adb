using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>
/// The in-process server gives requests no remote address. This sets the one a reverse proxy in front of the Api
/// would connect from, before the Api's own pipeline (forwarded headers included) sees the request.
/// </summary>
public sealed class ConnectionAddress(IPAddress address) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}
