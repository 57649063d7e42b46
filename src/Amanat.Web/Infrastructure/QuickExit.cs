using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Microsoft.Extensions.Options;

namespace Amanat.Web.Infrastructure;

/// <summary>
/// <c>/exit</c>, where the quick-exit button on every page leads (with JavaScript through
/// <c>location.replace</c>, so the page she left is not one "back" away). A staff session in this browser
/// ends on the server, the browser is told to drop this site's cookies, storage and cache
/// (<c>Clear-Site-Data</c>), and the answer is a redirect to the neutral site. A worker stopped by the police
/// leaves nothing open one tap away.
/// </summary>
internal static class QuickExit
{
    public const string Path = "/exit";

    public static IEndpointRouteBuilder MapQuickExit(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (HttpContext http, IOptions<AmanatOptions> options) =>
            {
                // The staff cookie is SameSite=Strict: only a click on this site's own button signs her out.
                await http.EndThisSessionAsync(SessionEndReason.QuickExit);
                http.Response.Headers["Clear-Site-Data"] = "\"cache\", \"cookies\", \"storage\"";
                http.Response.Headers.CacheControl = "no-store";
                return Results.Redirect(options.Value.QuickExitUrl);
            })
            .ExcludeFromDescription()
            .AllowAnonymous();
        return endpoints;
    }
}
