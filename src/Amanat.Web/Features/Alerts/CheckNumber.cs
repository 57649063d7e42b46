using Amanat.Core.Alerts;
using Amanat.Core.Data;
using Amanat.Core.Security;

namespace Amanat.Web.Features.Alerts;

/// <summary>
/// A number check as asked: the phone or plate, who asks (for the limits: an address key or a chat), and
/// her access: the code she typed (web, API), the card she showed earlier in a bot session, or the handle of
/// "remember my code" on the web (used only when nothing was typed).
/// </summary>
internal sealed record NumberCheck(string? Query, string Caller, string? Code = null, Guid? SessionCard = null, string? SavedHandle = null);

/// <summary>The answer, or why there is none (and, when limited, how long to wait).</summary>
internal sealed record CheckResult(ChannelRefusal Refusal, CheckAnswer? Answer = null, TimeSpan? RetryAfter = null);

/// <summary>
/// The number check, the same for <c>/check</c>, <c>POST /api/v1/public/check</c> and the bot: her access
/// (<see cref="CommunityChannel.AdmitAsync"/>: unavailable while sealed, limited, the code valid, its use
/// counted), then the number normalised to its blind indexes and answered from published, unexpired alerts
/// only. What was checked is never stored.
/// </summary>
internal sealed class CheckNumber(CommunityChannel channel, AmanatDbContext db, KeyVault vault)
{
    public const int MaxQueryLength = 40;

    public async Task<CheckResult> CheckAsync(NumberCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var (refusal, wait) = await channel.AdmitAsync(check.Code, check.SessionCard, check.Caller, check.SavedHandle);
        if (refusal != ChannelRefusal.None)
        {
            return new CheckResult(refusal, RetryAfter: wait);
        }

        var q = check.Query?.Trim();
        if (q is null || q.Length is < 3 or > MaxQueryLength)
        {
            return new CheckResult(ChannelRefusal.BadQuery);
        }

        var indexes = AlertCheck.Indexes(vault.Keys, q);
        return indexes.Length == 0
            ? new CheckResult(ChannelRefusal.BadQuery)
            : new CheckResult(ChannelRefusal.None, await AlertCheck.FindAsync(db, indexes, channel.Today));
    }
}
