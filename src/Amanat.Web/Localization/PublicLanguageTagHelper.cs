using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Amanat.Web.Localization;

/// <summary>
/// On public pages the language travels in the URL: every local link and form action gets
/// <c>lang=</c> of the current page, so that no cookie is needed to keep it.
/// Runs after the framework's anchor and form tag helpers have produced their URLs.
/// </summary>
[HtmlTargetElement("a")]
[HtmlTargetElement("form")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Maintainability", "CA1515:Consider making public types internal", Justification = "Razor finds only public tag helpers.")]
public sealed class PublicLanguageTagHelper : TagHelper
{
    public override int Order => int.MaxValue;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!AreaPaths.IsPublic(ViewContext.HttpContext.Request.Path))
        {
            return;
        }

        var name = output.TagName == "form" ? "action" : "href";
        if (!output.Attributes.TryGetAttribute(name, out var attribute) || attribute.Value is null)
        {
            return;
        }

        var (url, encoded) = attribute.Value switch
        {
            string text => (text, false),
            IHtmlContent html => (Render(html), true),
            var other => (other.ToString() ?? string.Empty, false),
        };
        if (!IsLocal(url) || HasLanguage(url))
        {
            return;
        }

        var separator = url.Contains('?', StringComparison.Ordinal) ? (encoded ? "&amp;" : "&") : "?";
        var withLanguage = $"{url}{separator}{Languages.QueryKey}={Languages.Current.Code}";
        output.Attributes.SetAttribute(name, encoded ? new HtmlString(withLanguage) : withLanguage);
    }

    internal static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static bool HasLanguage(string url)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        return query >= 0 && url[(query + 1)..]
            .Replace("&amp;", "&", StringComparison.Ordinal)
            .Split('&')
            .Any(x => x.StartsWith(Languages.QueryKey + "=", StringComparison.Ordinal));
    }

    private static string Render(IHtmlContent html)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
