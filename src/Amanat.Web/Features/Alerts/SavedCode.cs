using Amanat.Core.Alerts;
using Amanat.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Alerts;

/// <summary>
/// "Remember my code on this phone": only when she ticks it, an HttpOnly, same-site cookie for 90 days — the
/// one cookie a public page may set. It holds a random handle (<see cref="SavedCard"/>), never her code: the
/// server keeps only the handle's hash and the card it stands for, so the cookie read off her phone is not
/// her card, stops working when the card is revoked, and "Forget" ends it on the server too.
/// </summary>
internal static class SavedCode
{
    public const string CookieName = ".Amanat.Code";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    /// <summary>The handle in her cookie; a cookie that holds anything else (an older one held the code itself) is deleted.</summary>
    public static string? Read(HttpRequest request, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var value = request.Cookies[CookieName];
        if (value is { Length: > 0 and <= 64 } handle && handle.StartsWith(SavedCard.Prefix, StringComparison.Ordinal))
        {
            return handle;
        }

        if (value is not null)
        {
            Forget(response);
        }

        return null;
    }

    public static void Save(HttpResponse response, string handle)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(CookieName, handle, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    public static void Forget(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(CookieName);
    }

    /// <summary>The HTTP status a refusal answers with.</summary>
    public static int Status(ChannelRefusal refusal) => refusal switch
    {
        ChannelRefusal.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ChannelRefusal.NoCode or ChannelRefusal.UnknownCode => StatusCodes.Status401Unauthorized,
        ChannelRefusal.InvalidCode => StatusCodes.Status403Forbidden,
        ChannelRefusal.TooMany => StatusCodes.Status429TooManyRequests,
        ChannelRefusal.BadQuery => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status200OK,
    };
}

/// <summary>The handles behind "remember my code": made for a card she just used, looked up, forgotten.</summary>
internal sealed class SavedCards(AmanatDbContext db, AccessCodeDesk codes, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A new handle for the card of a code that was just accepted (null when it matches no card); expired handles go.</summary>
    public async Task<string?> RememberAsync(string typedCode)
    {
        if (await codes.FindAsync(typedCode) is not { } card)
        {
            return null;
        }

        var now = Now;
        await db.SavedCards.Where(s => s.ExpiresAtUtc <= now).ExecuteDeleteAsync();
        var (saved, handle) = SavedCard.Create(card.Id, now, SavedCode.Lifetime);
        db.SavedCards.Add(saved);
        await db.SaveChangesAsync();
        return handle;
    }

    /// <summary>The card a handle stands for; null when it is unknown, forgotten or expired.</summary>
    public async Task<Guid?> CardAsync(string handle)
    {
        var hash = SavedCard.Hash(handle);
        var now = Now;
        return await db.SavedCards.Where(s => s.HandleHash == hash && s.ExpiresAtUtc > now).Select(s => (Guid?)s.AccessCodeId).SingleOrDefaultAsync();
    }

    /// <summary>Ends a handle on the server (the page deletes the cookie).</summary>
    public async Task ForgetAsync(string? handle)
    {
        if (handle is null)
        {
            return;
        }

        var hash = SavedCard.Hash(handle);
        await db.SavedCards.Where(s => s.HandleHash == hash).ExecuteDeleteAsync();
    }
}
