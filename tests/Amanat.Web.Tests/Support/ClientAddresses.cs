using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Amanat.Web.Tests.Support;

/// <summary>
/// Requests from chosen client addresses: the application behind a trusted reverse proxy, and clients whose
/// requests carry <c>X-Forwarded-For</c>, as a stranger's and the real person's would.
/// </summary>
public static class ClientAddresses
{
    public const string Proxy = "10.9.8.7";

    /// <summary>The same application and database, trusting <see cref="Proxy"/>, whose requests all come from it.</summary>
    public static WebApplicationFactory<Program> BehindProxy(this AmanatApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithTestEndpoints(IPAddress.Parse(Proxy), ("Amanat:ReverseProxy:KnownProxies:0", Proxy));
    }

    /// <summary>A client (cookies kept, redirects not followed) whose requests come from <paramref name="address"/>.</summary>
    public static HttpClient From(this WebApplicationFactory<Program> app, string address)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }
}
