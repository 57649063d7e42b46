using Amanat.Core.Data;
using Amanat.Core.Security;
using Amanat.Core.SelfReports;
using Amanat.Core.Time;
using Amanat.Core.Vocabularies;
using Amanat.Web.Features.Community;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.SelfReports;

/// <summary>What became of a self-report: refused by the rules, limited, or received with its reference.</summary>
internal abstract record SelfReportReceipt
{
    private SelfReportReceipt()
    {
    }

    /// <summary>The rules refused it; nothing was stored and no permit was spent.</summary>
    internal sealed record Problems(IReadOnlyList<SelfReportProblem> List) : SelfReportReceipt;

    /// <summary>Too many reports from this caller, or from everyone: nothing was stored.</summary>
    internal sealed record TooMany(TimeSpan RetryAfter) : SelfReportReceipt;

    /// <summary>Sealed and stored: the reference to give her, once.</summary>
    internal sealed record Received(string Reference) : SelfReportReceipt;
}

/// <summary>
/// The self-report, the same for the web form, the API and the bot: the rules (once, against the active
/// cities), then the caller's and everyone's limit (so that a refused report spends no permit), then the
/// report sealed to the self-report public key and stored. Needs no private key and writes no audit entry
/// (her report is not a staff action, and the audit key is unavailable while sealed), so it works while the
/// server is sealed.
/// </summary>
internal sealed class ReceiveSelfReport(AmanatDbContext db, KeyVault vault, PublicLimits limits, TimeProvider clock, DisplayTimeZone zone)
{
    /// <summary>The centre's today, the latest date the rules accept (the form's and the bot's date step use it too).</summary>
    public DateOnly Today => DateOnly.FromDateTime(zone.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);

    /// <param name="caller">Who sends it, for the limit: an address key (<see cref="PublicLimits.AddressKey"/>) or a chat.</param>
    public async Task<SelfReportReceipt> ReceiveAsync(SelfReportContent content, SelfReportChannel channel, string caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var cities = (await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.City && v.RetiredAtUtc == null).Select(v => v.Code).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var problems = SelfReportRules.Check(content, cities, Today);
        if (problems.Count > 0)
        {
            return new SelfReportReceipt.Problems(problems);
        }

        if (limits.TryReport(caller) is { } wait)
        {
            return new SelfReportReceipt.TooMany(wait);
        }

        var (report, reference) = SelfReport.Receive(content, channel, vault.SelfReportPublicKey, clock.GetUtcNow().UtcDateTime);
        db.SelfReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return new SelfReportReceipt.Received(reference);
    }
}
