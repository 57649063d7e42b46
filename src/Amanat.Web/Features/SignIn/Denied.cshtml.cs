using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Amanat.Web.Features.SignIn;

/// <summary>Shown when a signed-in person opens a page her roles do not allow.</summary>
[RequirePermission(Permission.SignedIn)]
internal sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
