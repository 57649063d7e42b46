using System.Globalization;
using System.Text.Json.Nodes;
using Amanat.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;

namespace Amanat.Web.Api;

/// <summary>Puts examples into the OpenAPI description: on a response by status, worded as the server words it.</summary>
internal static class ApiExamples
{
    public static IDictionary<string, OpenApiMediaType>? Response(OpenApiOperation operation, string status) =>
        operation.Responses?.TryGetValue(status, out var response) == true ? response.Content : null;

    /// <summary>Sets the example on every JSON media type of the content (JSON and problem+JSON).</summary>
    public static void Set(IDictionary<string, OpenApiMediaType>? content, JsonNode? example)
    {
        if (content is null)
        {
            return;
        }

        foreach (var media in content.Where(c => c.Key.Contains("json", StringComparison.Ordinal)))
        {
            media.Value.Example = example?.DeepClone();
        }
    }

    /// <summary>Builds an example with the server's own messages, in English whatever the request's language.</summary>
    public static T InEnglish<T>(IServiceProvider services, Func<IStringLocalizer, T> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            return build(localizer);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
