using Microsoft.AspNetCore.Http.Features;

namespace Amanat.Web.Features.Community;

/// <summary>
/// Guards of the public forms and API: a small body limit, and — instead of anti-forgery tokens, whose keys
/// sit under the root key and would fail while sealed, and which need a cookie — a same-origin check of
/// posts (<c>Sec-Fetch-Site</c>, else <c>Origin</c>). A post from another site, or one that does not show
/// where it came from, is refused.
/// </summary>
internal static class PublicRequests
{
    public const long MaxBodyBytes = 32 * 1024;

    public static bool IsPublicWrite(PathString path) =>
        path.StartsWithSegments("/report", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/check", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/alerts", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/v1/public", StringComparison.OrdinalIgnoreCase);

    public static IApplicationBuilder UsePublicBodyLimit(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && IsPublicWrite(context.Request.Path)
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            {
                if (context.Request.ContentLength > MaxBodyBytes)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return Task.CompletedTask;
                }

                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = MaxBodyBytes;
                }
            }

            return next(context);
        });

    /// <summary>
    /// True only when the post shows that it came from this site: <c>Sec-Fetch-Site: same-origin</c> (or
    /// <c>none</c>, typed by her), else an <c>Origin</c> naming this host. A post with neither, or with
    /// <c>Origin: null</c> (a sandboxed frame, a data: page, or a redirect from elsewhere), counts as cross-site;
    /// the <c>Referer</c> decides nothing.
    /// </summary>
    public static bool IsSameOrigin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }

        // Browsers without Sec-Fetch-Site: only a real Origin of this host lets the post through.
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && origin != "null"
            && Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
