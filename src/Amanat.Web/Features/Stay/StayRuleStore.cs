using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Stay;
using Amanat.Web.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Stay;

/// <summary>
/// The rule book in force: the latest saved version, or the one shipped with Amanat until someone edits it.
/// Each edit saves a whole new version (kept, never changed) and an audit entry.
/// </summary>
internal sealed class StayRuleStore(AmanatDbContext db, AuditTrail audit, TimeProvider clock)
{
    private static readonly Lazy<StayRuleBook> ShippedBook = new(StayRuleBook.Shipped);

    public async Task<(StayRuleBook Book, int Version)> CurrentAsync()
    {
        var latest = await db.StayRuleVersions.AsNoTracking().OrderByDescending(v => v.Version).FirstOrDefaultAsync();
        return latest is null ? (ShippedBook.Value, 0) : (latest.Book, latest.Version);
    }

    public Task<List<StayRuleVersion>> HistoryAsync() => db.StayRuleVersions.AsNoTracking().OrderByDescending(v => v.Version).Take(50).ToListAsync();

    public async Task<int> SaveAsync(StayRuleBook book, string changed, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(book);
        var (_, version) = await CurrentAsync();
        var saved = new StayRuleVersion(version + 1, book, userId, changed, clock.GetUtcNow().UtcDateTime);
        await using var transaction = await audit.BeginAsync(actorId: userId);
        db.StayRuleVersions.Add(saved);
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.StayRulesChanged, saved.Id, saved.Version);
        await transaction.CommitAsync();
        return saved.Version;
    }
}
