using Amanat.Core.Alerts;
using Amanat.Core.Data;
using Amanat.Core.Identifiers;
using Amanat.Core.Security;
using Amanat.Core.Time;
using Amanat.Web.Features.Community;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Alerts;

/// <summary>Why the community channel did not answer.</summary>
internal enum ChannelRefusal
{
    None,

    /// <summary>The server is sealed: codes cannot be checked. Never "no record".</summary>
    Unavailable,

    NoCode,

    /// <summary>No card has this code (a typo, or a guess).</summary>
    UnknownCode,

    /// <summary>The card was revoked or has expired.</summary>
    InvalidCode,

    TooMany,

    /// <summary>Not a phone number or plate.</summary>
    BadQuery,
}

/// <summary>
/// A published alert as the community sees it: codes, who, where, when, what to look out for, and its phone
/// numbers and plates masked (<see cref="IdentifierMask"/>): the full value only through the number check.
/// </summary>
internal sealed record AlertView(Guid Id, string CategoryCode, IReadOnlyList<string> Codes, string CityCode, string When, string? Description, string? DescriptionLanguage, IReadOnlyList<string> Phones, IReadOnlyList<string> Plates, DateTime PublishedAtUtc, DateOnly ExpiresOn);

internal sealed record FeedResult(ChannelRefusal Refusal, IReadOnlyList<AlertView> Alerts, TimeSpan? RetryAfter = null);

/// <summary>
/// The community's way in, the same for the web pages, the API and the Telegram bot: a valid access code
/// (limited per caller and per code; its use counted, never what was asked), for the number check
/// (<see cref="CheckNumber"/>) and the alerts feed, which shows published, unexpired alerts only. While
/// sealed it answers "unavailable", never "no record".
/// </summary>
internal sealed class CommunityChannel(AmanatDbContext db, KeyVault vault, AccessCodeDesk codes, SavedCards saved, PublicLimits limits, TimeProvider clock, DisplayTimeZone zone)
{
    public const int FeedSize = 50;

    public DateOnly Today => DateOnly.FromDateTime(zone.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);

    /// <summary>Published, unexpired alerts, newest first: for a city (or all), the description in her language when there is one.</summary>
    /// <param name="savedHandle">The handle of "remember my code", used when no code was typed.</param>
    public async Task<FeedResult> FeedAsync(string? code, string? city, string language, string caller, string? savedHandle = null)
    {
        var (refusal, wait) = await AdmitAsync(code, null, caller, savedHandle);
        if (refusal != ChannelRefusal.None)
        {
            return new FeedResult(refusal, [], wait);
        }

        return new FeedResult(ChannelRefusal.None, await PublishedAsync(city, language));
    }

    /// <summary>The live alerts themselves (for the feed, the printed sheet and the bot's pushes).</summary>
    public async Task<IReadOnlyList<AlertView>> PublishedAsync(string? city, string language)
    {
        var today = Today;
        var query = db.Alerts.AsNoTracking().Where(a => a.Status == AlertStatus.Published && a.ExpiresOn >= today);
        if (!string.IsNullOrWhiteSpace(city))
        {
            query = query.Where(a => a.CityCode == city);
        }

        var alerts = await query.OrderByDescending(a => a.PublishedAtUtc).Take(FeedSize).ToListAsync();
        return [.. alerts.Select(a => View(a, language))];
    }

    /// <summary>The alert for the feed, the printed sheet and the bot: its identifiers masked, unless <paramref name="full"/> (staff pages only).</summary>
    public static AlertView View(Alert alert, string language, bool full = false)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var descriptions = alert.DescriptionsByLanguage;
        var (descriptionLanguage, description) = descriptions.TryGetValue(language, out var own)
            ? (language, own)
            : descriptions.Select(d => (d.Key, d.Value)).FirstOrDefault();
        // Behind a lone report the month could point at her: only the year is shown.
        var when = alert.Reports >= CheckAnswer.MinReportsForPlace ? alert.When : alert.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        return new AlertView(alert.Id, alert.CategoryCode, alert.CodeList, alert.CityCode, when, description, descriptionLanguage, full ? alert.PhoneList : [.. alert.PhoneList.Select(IdentifierMask.Phone)], full ? alert.PlateList : [.. alert.PlateList.Select(IdentifierMask.Tail)], alert.PublishedAtUtc ?? alert.CreatedAtUtc, alert.ExpiresOn);
    }

    /// <summary>A typed code checked without using it (the bot, when she sends her code once for a session).</summary>
    public async Task<(ChannelRefusal Refusal, AccessCode? Card, TimeSpan? RetryAfter)> VerifyAsync(string? typed, string caller)
    {
        if (vault.IsSealed)
        {
            return (ChannelRefusal.Unavailable, null, null);
        }

        if (string.IsNullOrWhiteSpace(typed))
        {
            return (ChannelRefusal.NoCode, null, null);
        }

        if (limits.TryAcquire(PublicLimits.Checks, caller) is { } wait)
        {
            return (ChannelRefusal.TooMany, null, wait);
        }

        var code = await codes.FindAsync(typed);
        return code is null ? (ChannelRefusal.UnknownCode, null, null)
            : !code.IsValidOn(Today) ? (ChannelRefusal.InvalidCode, null, null)
            : (ChannelRefusal.None, code, null);
    }

    /// <summary>
    /// Lets a caller in with a typed code, with the card verified earlier in this bot session, or with the card
    /// a remembered handle stands for (when nothing was typed): not while sealed, one permit per caller, then
    /// the card still valid, one permit of its own limit, a use counted.
    /// </summary>
    /// <param name="caller">Who asks, for the limit: an address key (<see cref="PublicLimits.AddressKey"/>) or a chat.</param>
    public async Task<(ChannelRefusal Refusal, TimeSpan? RetryAfter)> AdmitAsync(string? typed, Guid? sessionCard, string caller, string? savedHandle = null)
    {
        if (sessionCard is null && string.IsNullOrWhiteSpace(typed) && savedHandle is not null)
        {
            if (vault.IsSealed)
            {
                return (ChannelRefusal.Unavailable, null);
            }

            // A forgotten or expired handle: as if nothing was remembered. A revoked card's handle finds the card, and is refused with it.
            sessionCard = await saved.CardAsync(savedHandle);
            if (sessionCard is null)
            {
                return (ChannelRefusal.NoCode, null);
            }
        }

        if (sessionCard is not { } cardId)
        {
            var (refusal, card, wait) = await VerifyAsync(typed, caller);
            return refusal != ChannelRefusal.None ? (refusal, wait) : await UseAsync(card);
        }

        if (vault.IsSealed)
        {
            return (ChannelRefusal.Unavailable, null);
        }

        if (limits.TryAcquire(PublicLimits.Checks, caller) is { } perCaller)
        {
            return (ChannelRefusal.TooMany, perCaller);
        }

        return await UseAsync(await db.AccessCodes.SingleOrDefaultAsync(c => c.Id == cardId));
    }

    /// <summary>A card that is still valid takes one permit of its own limit and counts a use (the day only).</summary>
    private async Task<(ChannelRefusal, TimeSpan?)> UseAsync(AccessCode? code)
    {
        if (code is null)
        {
            return (ChannelRefusal.UnknownCode, null);
        }

        if (!code.IsValidOn(Today))
        {
            return (ChannelRefusal.InvalidCode, null);
        }

        if (limits.TryAcquire(PublicLimits.Codes, code.Id.ToString("N")) is { } perCode)
        {
            return (ChannelRefusal.TooMany, perCode);
        }

        code.Used(Today);
        await db.SaveChangesAsync();
        return (ChannelRefusal.None, null);
    }
}
