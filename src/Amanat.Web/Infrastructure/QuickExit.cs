using Microsoft.Extensions.Options;

namespace Amanat.Web.Infrastructure;

/// <summary>
/// <c>/exit</c>: where the quick-exit button leads without JavaScript. It redirects to a neutral site;
/// with JavaScript the button goes there directly with <c>location.replace</c>, leaving no history entry.
/// </summary>
internal static class QuickExit
{
    public const string Path = "/exit";

    public static IEndpointRouteBuilder MapQuickExit(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (IOptions<AmanatOptions> options) => Results.Redirect(options.Value.QuickExitUrl))
            .ExcludeFromDescription()
            .AllowAnonymous();
        return endpoints;
    }
}
