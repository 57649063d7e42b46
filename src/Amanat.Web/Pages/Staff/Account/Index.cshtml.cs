using System.Globalization;
using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Web.Auditing;
using Amanat.Core.Staff;
using Amanat.Core.Time;
using Amanat.Web.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Pages.Staff.Account;

/// <summary>Her open sessions, and "sign out everywhere" for a lost or borrowed phone.</summary>
[RequirePermission(Permission.SignedIn)]
public sealed class AccountModel(AmanatDbContext db, StaffSignIn signIn, AuditTrail audit, TimeProvider clock, DisplayTimeZone zone) : PageModel
{
    public IReadOnlyList<StaffSession> Sessions { get; private set; } = [];

    public Guid? CurrentSessionId => HttpContext.CurrentSession()?.Id;

    public async Task OnGetAsync()
    {
        var userId = User.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.StaffSessions.Where(x => x.UserId == userId && x.EndedAtUtc == null).OrderByDescending(x => x.CreatedAtUtc).ToListAsync();
        Sessions = [.. open.Where(x => x.IsActive(now))];
    }

    public async Task<IActionResult> OnPostEverywhereSignOutAsync()
    {
        if (User.UserId() is { } userId)
        {
            var ended = await signIn.EndSessionsAsync(userId, SessionEndReason.SignedOutEverywhere);
            await audit.RecordAsync(AuditEventType.AllSessionsEnded, userId, ended);
        }

        await HttpContext.SignOutAsync(StaffSchemes.Cookie);
        return Redirect("/staff/signin?signedOut=true");
    }

    public string Time(DateTime utc) => zone.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);
}
