using System.Globalization;
using Amanat.Core.Data;
using Amanat.Core.Vocabularies;
using Amanat.Web.Features.Alerts;
using Amanat.Web.Features.Community;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Alerts;

/// <summary>
/// The alerts feed: published alerts for her city, newest first, in her language, with a low-light theme.
/// Needs her access code (typed, or remembered on this phone); the code never goes in a URL.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class AlertsFeedModel(AmanatDbContext db, CommunityChannel channel, SavedCards savedCards) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    /// <summary>Her code as typed: read from the post, never written back into the page.</summary>
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public bool Remember { get; set; }

    public bool Dark => Request.Query["theme"] == "dark";

    public bool HasSavedCode { get; private set; }

    public FeedResult? Feed { get; private set; }

    public VocabularyList Vocabulary { get; private set; } = new([]);

    public async Task<IActionResult> OnGetAsync()
    {
        var saved = SavedCode.Read(Request, Response);
        await LoadAsync();
        return saved is null ? Page() : await ShowAsync(null, saved);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!PublicRequests.IsSameOrigin(Request))
        {
            return BadRequest();
        }

        await LoadAsync();
        var typed = string.IsNullOrWhiteSpace(Code) ? null : Code;
        var saved = SavedCode.Read(Request, Response);
        var result = await ShowAsync(typed, typed is null ? saved : null);
        if (Feed?.Refusal == ChannelRefusal.None && Remember && typed is not null && await savedCards.RememberAsync(typed) is { } handle)
        {
            await savedCards.ForgetAsync(saved);
            SavedCode.Save(Response, handle);
            HasSavedCode = true;
        }

        Code = null;
        return result;
    }

    private async Task<IActionResult> ShowAsync(string? typed, string? saved)
    {
        Feed = await channel.FeedAsync(typed, City, Localization.Languages.Current.Code, PublicLimits.AddressKey(HttpContext.Connection.RemoteIpAddress), saved);
        if (Feed.Refusal is ChannelRefusal.NoCode or ChannelRefusal.UnknownCode or ChannelRefusal.InvalidCode && saved is not null)
        {
            // A revoked card, or a handle the server no longer knows, must not stay remembered.
            await savedCards.ForgetAsync(saved);
            SavedCode.Forget(Response);
            if (Feed.Refusal == ChannelRefusal.NoCode)
            {
                Feed = null; // nothing remembered after all: the page as for a first visit
                return Page();
            }

            saved = null;
        }

        Response.StatusCode = SavedCode.Status(Feed.Refusal);
        if (Feed.RetryAfter is { } wait)
        {
            Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        HasSavedCode = (saved ?? SavedCode.Read(Request, Response)) is not null && Feed.Refusal == ChannelRefusal.None;
        return Page();
    }

    private async Task LoadAsync() =>
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.City || v.Kind == VocabularyKind.Perpetrator).ToListAsync());
}
