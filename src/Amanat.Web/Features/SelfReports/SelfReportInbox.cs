using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Security;
using Amanat.Core.SelfReports;
using Amanat.Web.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.SelfReports;

/// <summary>
/// How coordinators work through the self-reports that arrived (<see cref="ReceiveSelfReport"/>): reading
/// one needs the unsealed private key; each step is audited.
/// </summary>
internal sealed class SelfReportInbox(AmanatDbContext db, KeyVault vault, AuditTrail audit, TimeProvider clock)
{
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
