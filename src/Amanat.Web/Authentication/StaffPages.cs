using Amanat.Core.Staff;
using Amanat.Web.Infrastructure;
using Amanat.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Amanat.Web.Authentication;

/// <summary>
/// Conventions of the staff area, keyed on each page's route (not on its folder, since pages live in their
/// feature's folder): every page under <c>/staff</c> needs a signed-in staff member unless it opts out
/// (<c>/staff/signin…</c>, <c>/staff/setup</c>); pages under <c>/staff/admin</c> also need the password
/// re-entered within ten minutes.
/// </summary>
internal static class StaffPages
{
    public const string ConfirmPasswordPath = "/staff/confirm-password";

    public static void Configure(RazorPagesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var signedIn = RequirePermissionAttribute.PolicyName(Permission.SignedIn);
        options.Conventions.AddFolderApplicationModelConvention("/", model =>
        {
            var route = PageRoutes.Template(model);
            if (!PageRoutes.IsUnder(route, "staff"))
            {
                return;
            }

            model.EndpointMetadata.Add(new AuthorizeAttribute(signedIn));
            if (PageRoutes.IsUnder(route, "staff/signin") || PageRoutes.IsUnder(route, "staff/setup"))
            {
                model.EndpointMetadata.Add(new AllowAnonymousAttribute());
            }

            model.Filters.Add(new ServiceFilterAttribute(typeof(PreservedForms.RestoreFilter)));
            if (PageRoutes.IsUnder(route, "staff/admin"))
            {
                model.Filters.Add(new RecentPasswordFilter());
            }
        });
    }

    /// <summary>Admin actions re-ask the password: without a recent confirmation, the page sends her to confirm it.</summary>
    private sealed class RecentPasswordFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            ArgumentNullException.ThrowIfNull(context);
            ArgumentNullException.ThrowIfNull(next);
            var http = context.HttpContext;
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            if (http.CurrentSession() is { } session && session.HasRecentPassword(now))
            {
                return next();
            }

            var returnUrl = http.Request.PathBase + http.Request.Path;
            context.Result = new RedirectResult(ConfirmPasswordPath + "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
            return Task.CompletedTask;
        }
    }
}
