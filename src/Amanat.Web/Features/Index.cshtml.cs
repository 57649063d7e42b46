using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Amanat.Web.Features;

/// <summary>The public start page: what the community can do here, without signing in.</summary>
internal sealed class IndexModel(EndpointDataSource endpoints) : PageModel
{
    private static readonly (string Path, string Key)[] PublicPages =
    [
        ("/report", "Home.Report"),
        ("/check", "Home.Check"),
        ("/alerts", "Home.Alerts"),
        ("/help", "Home.Help"),
    ];

    public IReadOnlyList<PublicFeature> Features { get; private set; } = [];

    public void OnGet()
    {
        var routes = endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Select(x => "/" + x.RoutePattern.RawText?.Trim('/'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Features = PublicPages
            .Select(x => new PublicFeature(x.Path, x.Key, x.Key + "Hint", routes.Contains(x.Path)))
            .ToList();
    }
}

/// <summary>A public page listed on the start page; shown without a link until it exists.</summary>
internal sealed record PublicFeature(string Path, string TitleKey, string HintKey, bool Available);
