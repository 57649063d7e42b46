using Amanat.Core.Data;
using Amanat.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Core.Auditing;

/// <summary>
/// Appends audit entries to the chain. Appends are serialised: in this process by a lock, across processes
/// (the CLI beside the server) by taking the write lock on the head row first. Joins the caller's
/// transaction when there is one; otherwise saves in its own. Saving also saves the context's other changes.
/// </summary>
public sealed class AuditLog(AmanatDbContext db, KeyVault vault, TimeProvider clock)
{
    private static readonly SemaphoreSlim Appending = new(1, 1);

    public async Task<AuditEvent> RecordAsync(AuditEventType type, AuditSource source, Guid? subjectId = null, long? value = null, byte[]? dataHash = null, DateTime? atUtc = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var entry = new AuditEvent(type, atUtc ?? clock.GetUtcNow().UtcDateTime, source.ActorId, subjectId, source.Origin, source.Network, value, dataHash);
        var auditKey = vault.Keys.Derive("audit", 1);
        await Appending.WaitAsync(cancellationToken);
        try
        {
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await using (own)
            {
                // Takes the database's write lock (SQLite) or the head row's lock (PostgreSQL) before reading it.
                await db.Database.ExecuteSqlAsync($"UPDATE \"AuditHeads\" SET \"Sequence\" = \"Sequence\" WHERE \"Id\" = {AuditHead.SingletonId}", cancellationToken);
                var head = await db.Set<AuditHead>().SingleAsync(cancellationToken);
                await db.Entry(head).ReloadAsync(cancellationToken);

                entry.Chain(head.Sequence + 1, head.Mac, auditKey);
                head.MoveTo(entry.Sequence, entry.Mac);
                db.Add(entry);
                await db.SaveChangesAsync(cancellationToken);
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }
            }
        }
        finally
        {
            Appending.Release();
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(auditKey);
        }

        return entry;
    }
}

/// <summary>Who is acting and from where, as far as the audit needs to know.</summary>
public sealed record AuditSource(Guid? ActorId, AuditOrigin Origin, string? Network)
{
    public static readonly AuditSource System = new(null, AuditOrigin.System, null);

    public static AuditSource Cli(Guid? actorId = null) => new(actorId, AuditOrigin.Cli, null);
}
