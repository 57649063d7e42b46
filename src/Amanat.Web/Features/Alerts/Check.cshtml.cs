using System.Globalization;
using Amanat.Core.Data;
using Amanat.Core.Vocabularies;
using Amanat.Web.Features.Community;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Alerts;

/// <summary>
/// Check a phone number or plate before meeting a client: her access code (typed, or remembered on this
/// phone if she chose so), then "no record" or the alert codes with counts. The number never goes in a URL;
/// what was checked is never stored; her code is never shown back.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class CheckModel(AmanatDbContext db, CheckNumber check, SavedCards savedCards) : PageModel
{
    /// <summary>Her code as typed: read from the post, never written back into the page.</summary>
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Q { get; set; }

    [BindProperty]
    public bool Remember { get; set; }

    public bool HasSavedCode { get; private set; }

    public CheckResult? Result { get; private set; }

    public VocabularyList Vocabulary { get; private set; } = new([]);

    public void OnGet() => HasSavedCode = SavedCode.Read(Request, Response) is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!PublicRequests.IsSameOrigin(Request))
        {
            return BadRequest();
        }

        var saved = SavedCode.Read(Request, Response);
        var typed = string.IsNullOrWhiteSpace(Code) ? null : Code;
        Result = await check.CheckAsync(new NumberCheck(Q, PublicLimits.AddressKey(HttpContext.Connection.RemoteIpAddress), typed, SavedHandle: typed is null ? saved : null));
        var accepted = Result.Refusal is ChannelRefusal.None or ChannelRefusal.BadQuery;
        if (accepted && Remember && typed is not null && await savedCards.RememberAsync(typed) is { } handle)
        {
            await savedCards.ForgetAsync(saved);
            SavedCode.Save(Response, handle);
            saved = handle;
        }

        if (Result.Refusal is ChannelRefusal.NoCode or ChannelRefusal.UnknownCode or ChannelRefusal.InvalidCode && saved is not null && typed is null)
        {
            // A revoked card, or a handle the server no longer knows, must not stay remembered.
            await savedCards.ForgetAsync(saved);
            SavedCode.Forget(Response);
            saved = null;
        }

        HasSavedCode = saved is not null && Result.Refusal is not (ChannelRefusal.UnknownCode or ChannelRefusal.InvalidCode);

        Code = null;
        Response.StatusCode = SavedCode.Status(Result.Refusal);
        if (Result.RetryAfter is { } wait)
        {
            Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.City).ToListAsync());
        return Page();
    }

    public async Task<IActionResult> OnPostForgetAsync()
    {
        await savedCards.ForgetAsync(SavedCode.Read(Request, Response));
        SavedCode.Forget(Response);
        return Redirect("/check?lang=" + Localization.Languages.Current.Code);
    }
}
