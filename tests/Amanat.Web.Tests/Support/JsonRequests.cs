using System.Text;

namespace Amanat.Web.Tests.Support;

/// <summary>JSON bodies as an API client sends them, written as raw text so that tests show the wire format.</summary>
public static class JsonRequests
{
    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public static async Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, string json)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PutAsync(new Uri(path, UriKind.Relative), content);
    }
}
