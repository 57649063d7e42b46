using Amanat.Core.Auditing;
using Amanat.Core.Community;
using Amanat.Core.Data;
using Amanat.Core.Security;
using Amanat.Core.SelfReports;
using Amanat.Core.Time;
using Amanat.Core.Vocabularies;
using Amanat.Web.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.SelfReports;

internal enum WithdrawOutcome
{
    NotFound,

    /// <summary>Nobody had reviewed it: the report is gone.</summary>
    Deleted,

    /// <summary>It had been reviewed: its content is gone, the fact that a report came stays.</summary>
    Withdrawn,
}

/// <summary>
/// Where self-reports arrive (web form, API, bot) and how coordinators work through them. Receiving needs
/// only the public key, so it works while the server is sealed; reading needs the unsealed private key.
/// </summary>
internal sealed class SelfReportInbox(AmanatDbContext db, KeyVault vault, AuditTrail audit, TimeProvider clock, DisplayTimeZone zone)
{
    public DateOnly Today => DateOnly.FromDateTime(zone.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);

    public async Task<IReadOnlySet<string>> CitiesAsync() =>
        (await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.City && v.RetiredAtUtc == null).Select(v => v.Code).ToListAsync()).ToHashSet(StringComparer.Ordinal);

    /// <summary>Checks and seals a report; returns the reference to give her, or the problems (nothing stored).</summary>
    public async Task<(string? Reference, IReadOnlyList<SelfReportProblem> Problems)> ReceiveAsync(SelfReportContent content, SelfReportChannel channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = SelfReportRules.Check(content, await CitiesAsync(), Today);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var (report, reference) = SelfReport.Receive(content, channel, vault.SelfReportPublicKey, clock.GetUtcNow().UtcDateTime);
        db.SelfReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return (reference, []);
    }

    /// <summary>Withdraws by the reference she was given; works while sealed (no key is needed).</summary>
    public async Task<WithdrawOutcome> WithdrawAsync(string? typedReference)
    {
        if (ReadableCode.Normalise(typedReference) is not { } reference)
        {
            return WithdrawOutcome.NotFound;
        }

        var hash = ReadableCode.Hash(reference, SelfReport.ReferencePurpose);
        var report = await db.SelfReports.Include(r => r.Contacts).SingleOrDefaultAsync(r => r.ReferenceHash == hash);
        if (report is null || report.Status == SelfReportStatus.Withdrawn)
        {
            return WithdrawOutcome.NotFound;
        }

        if (!report.IsReviewed)
        {
            db.SelfReports.Remove(report);
            await db.SaveChangesAsync();
            return WithdrawOutcome.Deleted;
        }

        report.Withdraw(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        return WithdrawOutcome.Withdrawn;
    }

    public Task<int> WaitingCountAsync() => db.SelfReports.CountAsync(r => r.Status == SelfReportStatus.New);

    public Task<SelfReport?> FindAsync(Guid id) => db.SelfReports.Include(r => r.Contacts).SingleOrDefaultAsync(r => r.Id == id);

    /// <summary>Opens a report for a coordinator and audits the read. Needs the unsealed server.</summary>
    public async Task<SelfReportContent?> ReadAsync(SelfReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var key = vault.SelfReportPrivateKey();
        var content = report.Open(key);
        await audit.RecordAsync(AuditEventType.SelfReportRead, report.Id);
        return content;
    }

    public async Task ConvertedAsync(Guid reportId, Guid incidentId, Guid reviewerId)
    {
        var report = await db.SelfReports.SingleAsync(r => r.Id == reportId);
        report.ConvertedTo(incidentId, reviewerId, clock.GetUtcNow().UtcDateTime);
        await using var transaction = await audit.BeginAsync();
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.SelfReportConverted, report.Id);
        await transaction.CommitAsync();
    }

    public async Task AttachAsync(SelfReport report, Guid incidentId, Guid reviewerId)
    {
        ArgumentNullException.ThrowIfNull(report);
        report.AttachTo(incidentId, reviewerId, clock.GetUtcNow().UtcDateTime);
        await using var transaction = await audit.BeginAsync();
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.SelfReportAttached, report.Id);
        await transaction.CommitAsync();
    }

    public async Task DiscardAsync(SelfReport report, string reason, Guid reviewerId)
    {
        ArgumentNullException.ThrowIfNull(report);
        report.Discard(reason, reviewerId, clock.GetUtcNow().UtcDateTime);
        await using var transaction = await audit.BeginAsync();
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.SelfReportDiscarded, report.Id);
        await transaction.CommitAsync();
    }

    public async Task NoteContactAsync(SelfReport report, bool reached, Guid staffId)
    {
        ArgumentNullException.ThrowIfNull(report);
        db.SelfReportContacts.Add(report.NoteContact(reached, staffId, clock.GetUtcNow().UtcDateTime));
        await using var transaction = await audit.BeginAsync();
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.SelfReportContacted, report.Id, reached ? 1 : 0);
        await transaction.CommitAsync();
    }
}
