using System.Globalization;
using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Web.Auditing;
using Amanat.Core.Staff;
using Amanat.Core.Time;
using Amanat.Web.Authentication;
using Amanat.Web.Telegram;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Account;

/// <summary>Her open sessions, "sign out everywhere" for a lost or borrowed phone, and Telegram reminders.</summary>
[RequirePermission(Permission.SignedIn)]
internal sealed class AccountModel(AmanatDbContext db, StaffSignIn signIn, AuditTrail audit, StaffReminders reminders, TelegramBot bot, TimeProvider clock, DisplayTimeZone zone) : PageModel
{
    public bool TelegramAvailable => reminders.IsAvailable;

    /// <summary>Back from changing her password.</summary>
    [BindProperty(SupportsGet = true, Name = "passwordChanged")]
    public bool PasswordChanged { get; set; }

    public StaffTelegramLink? Telegram { get; private set; }

    /// <summary>The one-time code, shown only in the answer to "turn on".</summary>
    public string? TelegramCode { get; private set; }

    public string? BotName => bot.UserName;

    public IReadOnlyList<StaffSession> Sessions { get; private set; } = [];

    public Guid? CurrentSessionId => HttpContext.CurrentSession()?.Id;

    public async Task OnGetAsync()
    {
        var userId = User.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.StaffSessions.Where(x => x.UserId == userId && x.EndedAtUtc == null).OrderByDescending(x => x.CreatedAtUtc).ToListAsync();
        Sessions = [.. open.Where(x => x.IsActive(now))];
        Telegram = userId is { } id ? await reminders.ForAsync(id) : null;
    }

    public async Task<IActionResult> OnPostTelegramOnAsync()
    {
        if (!reminders.IsAvailable || User.UserId() is not { } userId)
        {
            return RedirectToPage();
        }

        TelegramCode = await reminders.StartAsync(userId, Localization.Languages.Current);
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostTelegramOffAsync()
    {
        if (User.UserId() is { } userId)
        {
            await using var transaction = await audit.BeginAsync();
            if (await reminders.StopAsync(userId))
            {
                transaction.Add(AuditEventType.TelegramUnlinked, userId);
            }

            await transaction.CommitAsync();
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEverywhereSignOutAsync()
    {
        if (User.UserId() is { } userId)
        {
            await using var transaction = await audit.BeginAsync();
            var ended = await signIn.EndSessionsAsync(userId, SessionEndReason.SignedOutEverywhere);
            transaction.Add(AuditEventType.AllSessionsEnded, userId, ended);
            await transaction.CommitAsync();
        }

        await HttpContext.SignOutAsync(StaffSchemes.Cookie);
        return Redirect("/staff/signin?signedOut=true");
    }

    public string Time(DateTime utc) => zone.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);
}
