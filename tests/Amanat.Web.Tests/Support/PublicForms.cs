namespace Amanat.Web.Tests.Support;

/// <summary>
/// Posts to the public pages (<c>/report</c>, <c>/check</c>, <c>/alerts</c>) as a browser on this site sends
/// them: with <c>Sec-Fetch-Site: same-origin</c>. Those pages refuse a post that does not show where it came from.
/// </summary>
public static class PublicForms
{
    public static async Task<HttpResponseMessage> PostPublicAsync(this HttpClient client, string path, HttpContent content)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await client.SendAsync(request);
    }
}
