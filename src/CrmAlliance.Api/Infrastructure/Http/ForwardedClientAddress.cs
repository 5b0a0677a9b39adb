using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CrmAlliance.Api.Infrastructure.Http;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address. Section <c>ForwardedHeaders</c> names the
/// proxies (<c>KnownProxies</c>: addresses, <c>KnownNetworks</c>: CIDR ranges) whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed; with neither set the headers are ignored, as anyone can send them.
/// </summary>
public static class ForwardedClientAddress
{
    public static IApplicationBuilder UseForwardedClientAddress(this IApplicationBuilder app, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        return app.UseForwardedHeaders(options);
    }
}
