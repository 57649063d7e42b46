using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Amanat.Web.Features.SignIn;

/// <summary>Ends this browser's session on the server and removes its cookie.</summary>
[RequirePermission(Permission.SignedIn)]
internal sealed class SignOutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.EndThisSessionAsync(SessionEndReason.SignedOut);
        return Redirect("/staff/signin?signedOut=true");
    }
}
