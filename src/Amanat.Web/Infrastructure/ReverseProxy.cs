using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Amanat.Web.Infrastructure;

/// <summary>
/// Behind nginx or another reverse proxy, the client's address and scheme come from X-Forwarded-For
/// and X-Forwarded-Proto — believed only from the proxies and networks listed in configuration.
/// </summary>
internal static class ReverseProxy
{
    public static void Configure(ForwardedHeadersOptions forwarded, ReverseProxyOptions proxy)
    {
        ArgumentNullException.ThrowIfNull(forwarded);
        ArgumentNullException.ThrowIfNull(proxy);
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.ForwardLimit = Math.Max(1, proxy.ForwardLimit);
        foreach (var address in proxy.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(address));
        }

        foreach (var network in proxy.KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
