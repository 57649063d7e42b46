using Amanat.Core.Community;
using Amanat.Core.Data;
using Amanat.Core.SelfReports;
using Amanat.Web.Features.Community;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.SelfReports;

internal enum WithdrawOutcome
{
    NotFound,

    /// <summary>Nobody had reviewed it: the report is gone.</summary>
    Deleted,

    /// <summary>It had been reviewed: its content is gone, the fact that a report came stays.</summary>
    Withdrawn,

    /// <summary>Too many look-ups from this caller: nothing was looked at.</summary>
    TooMany,
}

/// <summary>The outcome; for <see cref="WithdrawOutcome.TooMany"/> also how long until she may try again.</summary>
internal sealed record WithdrawResult(WithdrawOutcome Outcome, TimeSpan RetryAfter = default);

/// <summary>
/// Withdrawing a self-report by the reference she was given, the same for the page and the API: one
/// look-up permit per caller (so that references cannot be guessed), then an unreviewed report is deleted
/// and a reviewed one loses its content. Needs no key, so it works while sealed.
/// </summary>
internal sealed class WithdrawSelfReport(AmanatDbContext db, PublicLimits limits, TimeProvider clock)
{
    /// <param name="caller">Who asks, for the limit: an address key (<see cref="PublicLimits.AddressKey"/>).</param>
    public async Task<WithdrawResult> WithdrawAsync(string? typedReference, string caller)
    {
        if (limits.TryAcquire(PublicLimits.Lookups, caller) is { } wait)
        {
            return new WithdrawResult(WithdrawOutcome.TooMany, wait);
        }

        if (ReadableCode.Normalise(typedReference) is not { } reference)
        {
            return new WithdrawResult(WithdrawOutcome.NotFound);
        }

        var hash = ReadableCode.Hash(reference, SelfReport.ReferencePurpose);
        var report = await db.SelfReports.Include(r => r.Contacts).SingleOrDefaultAsync(r => r.ReferenceHash == hash);
        if (report is null || report.Status == SelfReportStatus.Withdrawn)
        {
            return new WithdrawResult(WithdrawOutcome.NotFound);
        }

        if (!report.IsReviewed)
        {
            db.SelfReports.Remove(report);
            await db.SaveChangesAsync();
            return new WithdrawResult(WithdrawOutcome.Deleted);
        }

        report.Withdraw(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        return new WithdrawResult(WithdrawOutcome.Withdrawn);
    }
}
