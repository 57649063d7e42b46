using Microsoft.AspNetCore.Localization;

namespace Amanat.Web.Localization;

/// <summary>
/// Chooses the language of a request: <c>?lang=</c> first, then (staff pages only) the language cookie,
/// then the browser's Accept-Language, then Russian. Public pages never get a language cookie.
/// </summary>
internal static class LocalizationSetup
{
    public const string StaffCookieName = ".Amanat.Language";

    public static IServiceCollection AddAmanatLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.All.Select(x => x.Culture).ToList();
            options.DefaultRequestCulture = new RequestCulture(Languages.Default.Culture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.ApplyCurrentCultureToResponseHeaders = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = Languages.QueryKey, UIQueryStringKey = Languages.QueryKey },
                new StaffCookieCultureProvider { CookieName = StaffCookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>On staff pages, a language chosen with <c>?lang=</c> is remembered in a cookie.</summary>
    public static IApplicationBuilder UseStaffLanguageCookie(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (AreaPaths.IsStaff(context.Request.Path)
                && Languages.Find(context.Request.Query[Languages.QueryKey]) is { } chosen)
            {
                context.Response.Cookies.Append(
                    StaffCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen.Culture)),
                    new CookieOptions
                    {
                        HttpOnly = true,
                        IsEssential = true,
                        SameSite = SameSiteMode.Strict,
                        Secure = context.Request.IsHttps,
                        Path = "/staff",
                        MaxAge = TimeSpan.FromDays(365),
                    });
            }

            return next(context);
        });

    private sealed class StaffCookieCultureProvider : CookieRequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            AreaPaths.IsStaff(httpContext.Request.Path)
                ? base.DetermineProviderCultureResult(httpContext)
                : NullProviderCultureResult;
    }
}
