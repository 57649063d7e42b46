using Amanat.Web.Localization;
using Microsoft.Net.Http.Headers;

namespace Amanat.Web.Infrastructure;

/// <summary>
/// Headers on every response: a strict Content-Security-Policy (no inline script or style, nothing from
/// other sites, no framing), no MIME sniffing, no referrer, no powerful browser features. Pages are never
/// cached: a shared or inspected phone must not keep them.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), bluetooth=(), serial=(), " +
        "accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=(), interest-cohort=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers[HeaderNames.XFrameOptions] = "DENY";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Cross-Origin-Resource-Policy"] = "same-origin";
                if (!IsStaticAsset(context.Request.Path))
                {
                    headers[HeaderNames.CacheControl] = "no-store";
                    headers[HeaderNames.Pragma] = "no-cache";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>Stylesheets and scripts are the same for everyone and may be cached.</summary>
    private static bool IsStaticAsset(PathString path) =>
        AreaPaths.IsPublic(path)
        && (path.StartsWithSegments("/css", StringComparison.Ordinal) || path.StartsWithSegments("/js", StringComparison.Ordinal));
}
