using Amanat.Core.Auditing;
using Amanat.Core.Staff;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Amanat.Web.Features.SignIn;

/// <summary>Ends this browser's session on the server and removes its cookie.</summary>
[RequirePermission(Permission.SignedIn)]
internal sealed class SignOutModel(TimeProvider clock, Amanat.Core.Data.AmanatDbContext db, AuditTrail audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (HttpContext.CurrentSession() is { } session)
        {
            session.End(clock.GetUtcNow().UtcDateTime, SessionEndReason.SignedOut);
            await using var transaction = await audit.BeginAsync();
            await db.SaveChangesAsync();
            transaction.Add(AuditEventType.SignedOut, User.UserId());
            await transaction.CommitAsync();
        }

        await HttpContext.SignOutAsync(StaffSchemes.Cookie);
        return Redirect("/staff/signin?signedOut=true");
    }
}
