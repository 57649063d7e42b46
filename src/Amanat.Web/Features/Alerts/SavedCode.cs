namespace Amanat.Web.Features.Alerts;

/// <summary>
/// "Remember my code on this phone": only when she ticks it, an HttpOnly, same-site cookie with her access
/// code for 90 days — the one cookie a public page may set. "Forget" deletes it.
/// </summary>
internal static class SavedCode
{
    public const string CookieName = ".Amanat.Code";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    public static string? Read(HttpRequest request) => request?.Cookies[CookieName] is { Length: > 0 and <= 64 } code ? code : null;

    public static void Save(HttpResponse response, string code)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(CookieName, Core.Community.ReadableCode.Normalise(code) ?? code, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    public static void Forget(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(CookieName);
    }

    /// <summary>The HTTP status a refusal answers with.</summary>
    public static int Status(ChannelRefusal refusal) => refusal switch
    {
        ChannelRefusal.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ChannelRefusal.NoCode or ChannelRefusal.UnknownCode => StatusCodes.Status401Unauthorized,
        ChannelRefusal.InvalidCode => StatusCodes.Status403Forbidden,
        ChannelRefusal.TooMany => StatusCodes.Status429TooManyRequests,
        ChannelRefusal.BadQuery => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status200OK,
    };
}
