using Amanat.Core.Security;
using Amanat.Web.Localization;

namespace Amanat.Web.Keys;

/// <summary>
/// While sealed, every staff page and staff API answers 503 "locked" (the error page explains and links
/// to the unlock page); the unlock page, the public pages, the public API and <c>/health</c> keep answering.
/// </summary>
internal static class SealedGate
{
    public const string UnlockPath = "/staff/unlock";
    public const string SealedFlag = "amanat:sealed";

    public static IApplicationBuilder UseSealedGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var vault = context.RequestServices.GetRequiredService<KeyVault>();
            var path = context.Request.Path;
            var locked = vault.IsSealed
                && (AreaPaths.IsStaff(path) || AreaPaths.IsApi(path))
                && !path.StartsWithSegments(UnlockPath, StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/api/v1/public", StringComparison.OrdinalIgnoreCase);
            if (!locked)
            {
                await next(context);
                return;
            }

            context.Items[SealedFlag] = true;
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "60";
        });
}
