using Amanat.Core.Staff;
using Amanat.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Amanat.Web.Authentication;

/// <summary>
/// Conventions of the staff area: every page under /Staff needs a signed-in staff member unless it
/// opts out (sign-in, setup); admin pages also need the password re-entered within ten minutes.
/// </summary>
public static class StaffPages
{
    public const string ConfirmPasswordPath = "/staff/confirm-password";

    public static void Configure(RazorPagesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Conventions.AuthorizeFolder("/Staff", RequirePermissionAttribute.PolicyName(Permission.SignedIn));
        options.Conventions.AllowAnonymousToFolder("/Staff/SignIn");
        options.Conventions.AllowAnonymousToPage("/Staff/Setup");
        options.Conventions.AddFolderApplicationModelConvention("/Staff", model =>
            model.Filters.Add(new ServiceFilterAttribute(typeof(PreservedForms.RestoreFilter))));
        options.Conventions.AddFolderApplicationModelConvention("/Staff/Admin", model =>
            model.Filters.Add(new RecentPasswordFilter()));
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
