using System.Net;
using Amanat.Web.Tests.Support;

namespace Amanat.Web.Tests.Infrastructure;

public abstract class SecurityHeadersTests(AmanatApp app) : IntegrationTest(app)
{
    public static TheoryData<string> Paths => ["/", "/?lang=en", "/health", "/no-such-page", "/api/v1/no-such-thing", "/openapi/v1.json"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task EveryResponse_CarriesTheHardeningHeaders(string path)
    {
        using var response = await App.Client().GetAsync(new Uri(path, UriKind.Relative));

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("geolocation=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task PublicPage_HasNoInlineScriptOrStyle_AndNoThirdPartyResource()
    {
        var html = await App.Client().GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<[^>]+\\son[a-z]+=", html);
        Assert.All(Html.Attributes(html, "script", "src"), src => Assert.StartsWith("/", src, StringComparison.Ordinal));
        Assert.All(Html.Attributes(html, "link", "href"), href => Assert.True(href.StartsWith('/') || href.StartsWith("data:", StringComparison.Ordinal), href));
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
    }

    [Fact]
    public async Task Stylesheet_IsServed_AndMayBeCached()
    {
        var html = await App.Client().GetStringAsync(new Uri("/", UriKind.Relative));
        var stylesheet = Assert.Single(Html.Attributes(html, "link", "href"), x => x.StartsWith("/css/", StringComparison.Ordinal));

        using var response = await App.Client().GetAsync(new Uri(stylesheet, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Hsts_IsSentOverHttpsFromATrustedProxy_AndNotFromAnUntrustedOne()
    {
        using var trusted = App.WithTestEndpoints(IPAddress.Parse("10.9.8.7"), ("Amanat:ReverseProxy:KnownProxies:0", "10.9.8.7"));
        using var untrusted = App.WithTestEndpoints(IPAddress.Parse("10.9.8.6"), ("Amanat:ReverseProxy:KnownProxies:0", "10.9.8.7"));

        using var viaTrusted = await SendViaProxyAsync(trusted);
        using var viaUntrusted = await SendViaProxyAsync(untrusted);

        Assert.Contains("max-age=31536000", Header(viaTrusted, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.Equal("203.0.113.5 https", await viaTrusted.Content.ReadAsStringAsync());
        Assert.False(viaUntrusted.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal("10.9.8.6 http", await viaUntrusted.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> SendViaProxyAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/test-client-address");
        request.Headers.Host = "amanat.example.org";
        request.Headers.Add("X-Forwarded-For", "203.0.113.5");
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await app.CreateClient().SendAsync(request);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : string.Empty;

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : SecurityHeadersTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : SecurityHeadersTests(app);
}
