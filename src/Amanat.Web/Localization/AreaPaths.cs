namespace Amanat.Web.Localization;

/// <summary>
/// The three kinds of route: public pages (no login, no trace, language in the URL), staff pages
/// (under <c>/staff</c>, language may be remembered in a cookie) and the JSON API.
/// </summary>
internal static class AreaPaths
{
    public static bool IsStaff(PathString path) => path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase);

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static bool IsPublic(PathString path) => !IsStaff(path) && !IsApi(path);
}
