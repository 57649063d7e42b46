using Amanat.Core.Data;
using Amanat.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Amanat.Core.Auditing;

/// <summary>
/// A database transaction whose audit entries are chained when it commits: the one way to write with an
/// audit, and to audit a read. Begun by <see cref="AuditLog.BeginAsync"/>; the locks are always taken in this
/// order: this process's lock, then the database transaction (on SQLite <c>BEGIN IMMEDIATE</c>: the
/// database's write lock), then, at commit, the audit head row (which also serialises the CLI running beside
/// the server). The caller makes its changes and adds its entries; <see cref="CommitAsync"/> chains the
/// entries onto the head, saves everything and commits. Disposed without a commit, it rolls back.
/// </summary>
public sealed class AuditedTransaction : IAsyncDisposable
{
    private static readonly SemaphoreSlim Writing = new(1, 1);

    private readonly AmanatDbContext db;
    private readonly KeyVault vault;
    private readonly TimeProvider clock;
    private readonly List<AuditEvent> entries;
    private readonly IDbContextTransaction? transaction;
    private bool finished;

    private AuditedTransaction(AmanatDbContext db, KeyVault vault, TimeProvider clock, AuditSource source, List<AuditEvent> entries, IDbContextTransaction? transaction)
    {
        this.db = db;
        this.vault = vault;
        this.clock = clock;
        this.entries = entries;
        this.transaction = transaction;
        Source = source;
    }

    /// <summary>Who is acting and from where, for the entries added here.</summary>
    public AuditSource Source { get; }

    /// <summary>Begun and neither committed nor disposed; false for one that joined another.</summary>
    internal bool IsOpen => transaction is not null && !finished;

    /// <summary>An entry, chained when the transaction commits (in the order added).</summary>
    public void Add(AuditEventType type, Guid? subjectId = null, long? value = null, byte[]? dataHash = null, DateTime? atUtc = null)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        entries.Add(new AuditEvent(type, atUtc ?? clock.GetUtcNow().UtcDateTime, Source.ActorId, subjectId, Source.Origin, Source.Network, value, dataHash));
    }

    /// <summary>Chains the entries, saves the context's changes and commits. For one that joined another: nothing, the other commits.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (transaction is null)
        {
            return;
        }

        ObjectDisposedException.ThrowIf(finished, this);
        await AppendAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await FinishAsync();
    }

    /// <summary>Rolls back unless committed, and lets the next one begin.</summary>
    public async ValueTask DisposeAsync()
    {
        if (transaction is null || finished)
        {
            return;
        }

        foreach (var entry in entries.Where(e => db.Entry(e).State == EntityState.Added))
        {
            db.Entry(entry).State = EntityState.Detached;
        }

        await FinishAsync();
    }

    internal static async Task<AuditedTransaction> BeginAsync(AmanatDbContext db, KeyVault vault, TimeProvider clock, AuditSource source, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A transaction was opened outside AuditedTransaction: its locks would be taken in the other order.");
        }

        await Writing.WaitAsync(cancellationToken);
        try
        {
            return new AuditedTransaction(db, vault, clock, source, [], await db.Database.BeginTransactionAsync(cancellationToken));
        }
        catch
        {
            Writing.Release();
            throw;
        }
    }

    /// <summary>The same transaction, adding entries on behalf of another source; its commit and disposal are the outer one's.</summary>
    internal AuditedTransaction Joined(AuditSource source) => new(db, vault, clock, source, entries, transaction: null);

    private async Task FinishAsync()
    {
        finished = true;
        try
        {
            await transaction!.DisposeAsync();
        }
        finally
        {
            Writing.Release();
        }
    }

    private async Task AppendAsync(CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var auditKey = vault.Keys.Derive("audit", 1);
        try
        {
            // The head row's lock (PostgreSQL; on SQLite the transaction holds the database's write lock already), before reading it.
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditHeads\" SET \"Sequence\" = \"Sequence\" WHERE \"Id\" = {AuditHead.SingletonId}", cancellationToken);
            var head = await db.Set<AuditHead>().SingleAsync(cancellationToken);
            await db.Entry(head).ReloadAsync(cancellationToken);
            foreach (var entry in entries)
            {
                entry.Chain(head.Sequence + 1, head.Mac, auditKey);
                head.MoveTo(entry.Sequence, entry.Mac);
                db.Add(entry);
            }
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(auditKey);
        }
    }
}
