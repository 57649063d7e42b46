using System.ComponentModel.DataAnnotations;
using Amanat.Core.Community;
using Amanat.Core.Staff;
using Amanat.Core.Time;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Amanat.Web.Telegram;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Admin;

/// <summary>The community bot's token: set (tried with Telegram, stored encrypted) or removed; where it comes from; how updates arrive.</summary>
[RequirePermission(Permission.Administer)]
internal sealed class TelegramModel(TelegramBot bot, TelegramTokenStore store, DisplayTimeZone zone, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    [Display(Name = "Bot.Admin.Token")]
    public string? Token { get; set; }

    [TempData]
    public string? Done { get; set; }

    public BotTokenSource Source => bot.Source;

    public string? UserName => bot.UserName;

    public string? WebhookUrl => bot.WebhookUrl;

    public BotToken? Stored { get; private set; }

    public string Time(DateTime utc) => zone.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync() => Stored = await store.CurrentAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var (outcome, _) = await store.SetAsync(Token, User.RequiredUserId());
        if (outcome == TokenOutcome.Saved)
        {
            Done = "Bot.Admin.Saved";
            return RedirectToPage();
        }

        ModelState.AddModelError(nameof(Token), localizer["Bot.Admin.Error." + outcome]);
        Stored = await store.CurrentAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        await store.RemoveAsync();
        Done = "Bot.Admin.Removed";
        return RedirectToPage();
    }
}
