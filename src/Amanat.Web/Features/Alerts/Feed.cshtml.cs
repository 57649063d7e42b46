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
internal sealed class AlertsFeedModel(AmanatDbContext db, CommunityChannel channel) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

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
        var saved = SavedCode.Read(Request);
        HasSavedCode = saved is not null;
        await LoadAsync();
        return saved is null ? Page() : await ShowAsync(saved);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!PublicRequests.IsSameOrigin(Request))
        {
            return BadRequest();
        }

        await LoadAsync();
        var code = string.IsNullOrWhiteSpace(Code) ? SavedCode.Read(Request) : Code;
        var result = await ShowAsync(code);
        if (Feed?.Refusal == ChannelRefusal.None && Remember && !string.IsNullOrWhiteSpace(Code))
        {
            SavedCode.Save(Response, Code);
        }

        HasSavedCode = Feed?.Refusal == ChannelRefusal.None && (Remember || SavedCode.Read(Request) is not null);
        return result;
    }

    private async Task<IActionResult> ShowAsync(string? code)
    {
        Feed = await channel.FeedAsync(code, City, Localization.Languages.Current.Code, PublicLimits.AddressKey(HttpContext.Connection.RemoteIpAddress));
        if (Feed.Refusal is ChannelRefusal.UnknownCode or ChannelRefusal.InvalidCode && string.IsNullOrWhiteSpace(Code))
        {
            SavedCode.Forget(Response);
        }

        Response.StatusCode = SavedCode.Status(Feed.Refusal);
        if (Feed.RetryAfter is { } wait)
        {
            Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        HasSavedCode = SavedCode.Read(Request) is not null && Feed.Refusal == ChannelRefusal.None;
        return Page();
    }

    private async Task LoadAsync() =>
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.City || v.Kind == VocabularyKind.Perpetrator).ToListAsync());
}
