using System.Net;
using System.Text.RegularExpressions;

namespace Amanat.Web.Tests.Support;

/// <summary>Small readers of rendered HTML for assertions.</summary>
public static partial class Html
{
    public static IReadOnlyList<string> Attributes(string html, string element, string attribute) =>
        [.. TagPattern().Matches(html)
            .Where(m => string.Equals(m.Groups["tag"].Value, element, StringComparison.OrdinalIgnoreCase))
            .Select(m => AttributePattern(attribute).Match(m.Value))
            .Where(m => m.Success)
            .Select(m => WebUtility.HtmlDecode(m.Groups["value"].Value))];

    public static string? First(string html, string element) =>
        Regex.Match(html, $"<{element}[^>]*>(?<text>.*?)</{element}>", RegexOptions.Singleline | RegexOptions.IgnoreCase) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups["text"].Value.Trim())
            : null;

    [GeneratedRegex("<(?<tag>[a-zA-Z]+)\\b[^>]*>")]
    private static partial Regex TagPattern();

    private static Regex AttributePattern(string attribute) =>
        new($"\\s{Regex.Escape(attribute)}=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase);
}
