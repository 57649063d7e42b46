using Microsoft.AspNetCore.Http.Extensions;

namespace Amanat.Web.Localization;

/// <summary>Links of the language switcher: the same page, in another language.</summary>
internal static class LanguageLinks
{
    public static string Switch(HttpRequest request, Language language)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(language);
        var query = new QueryBuilder(
            request.Query
                .Where(x => !string.Equals(x.Key, Languages.QueryKey, StringComparison.OrdinalIgnoreCase))
                .SelectMany(x => x.Value.Select(v => new KeyValuePair<string, string>(x.Key, v ?? string.Empty))))
        {
            { Languages.QueryKey, language.Code },
        };
        return $"{request.PathBase}{request.Path}{query}";
    }
}
