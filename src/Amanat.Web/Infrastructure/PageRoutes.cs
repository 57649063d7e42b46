using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Amanat.Web.Infrastructure;

/// <summary>
/// A page's route as its conventions see it. Every page declares its route (<c>@page "/staff/..."</c>), and
/// pages live in their feature's folder, so conventions key on the route, never on the file's folder.
/// </summary>
internal static class PageRoutes
{
    /// <summary>The page's route template without slashes at either end (e.g. <c>staff/incidents/new</c>).</summary>
    public static string Template(PageApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return (model.ActionDescriptor.AttributeRouteInfo?.Template ?? string.Empty).Trim('/');
    }

    /// <summary>True when the route is <paramref name="prefix"/> itself or lies under it, segment by segment, in any case.</summary>
    public static bool IsUnder(string route, string prefix)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(prefix);
        return string.Equals(route, prefix, StringComparison.OrdinalIgnoreCase) || route.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);
    }
}
