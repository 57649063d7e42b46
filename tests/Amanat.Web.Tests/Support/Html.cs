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

    /// <summary>
    /// What a browser would post from the first form whose opening tag contains <paramref name="marker"/>:
    /// text-like inputs, ticked boxes, chosen options and text areas (no buttons).
    /// </summary>
    public static List<KeyValuePair<string, string>> FormFields(string html, string marker)
    {
        ArgumentNullException.ThrowIfNull(html);
        var start = Regex.Match(html, "<form\\b[^>]*" + Regex.Escape(marker) + "[^>]*>");
        if (!start.Success)
        {
            throw new InvalidOperationException("No form with " + marker);
        }

        var form = html[start.Index..html.IndexOf("</form>", start.Index, StringComparison.Ordinal)];
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match field in Regex.Matches(form, "<(?<tag>input|select|textarea)\\b(?<attrs>[^>]*)>(?:(?<body>.*?)</\\k<tag>>)?", RegexOptions.Singleline))
        {
            var attrs = field.Groups["attrs"].Value;
            var name = Attribute(attrs, "name");
            if (name is null)
            {
                continue;
            }

            switch (field.Groups["tag"].Value)
            {
                case "input":
                    var type = Attribute(attrs, "type") ?? "text";
                    if (type is "submit" or "button" or "file" || (type is "checkbox" or "radio" && !attrs.Contains(" checked", StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    fields.Add(new(name, Attribute(attrs, "value") ?? (type is "checkbox" or "radio" ? "on" : string.Empty)));
                    break;
                case "select":
                    var chosen = Regex.Match(field.Groups["body"].Value, "<option\\b[^>]*\\sselected[^>]*>");
                    fields.Add(new(name, chosen.Success ? Attribute(chosen.Value, "value") ?? string.Empty : Attribute(Regex.Match(field.Groups["body"].Value, "<option\\b[^>]*>").Value, "value") ?? string.Empty));
                    break;
                default:
                    fields.Add(new(name, WebUtility.HtmlDecode(field.Groups["body"].Value).TrimStart('\n')));
                    break;
            }
        }

        return fields;
    }

    private static string? Attribute(string tag, string attribute) =>
        AttributePattern(attribute).Match(tag) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["value"].Value) : null;

    [GeneratedRegex("<(?<tag>[a-zA-Z]+)\\b[^>]*>")]
    private static partial Regex TagPattern();

    private static Regex AttributePattern(string attribute) =>
        new($"\\s{Regex.Escape(attribute)}=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase);
}
