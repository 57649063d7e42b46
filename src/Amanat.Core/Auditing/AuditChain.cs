using Amanat.Core.Data;
using Amanat.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Core.Auditing;

/// <summary>Re-computes the whole chain and compares it with the head: any altered, missing or cut-off entry shows.</summary>
public sealed class AuditChain(AmanatDbContext db, KeyVault vault)
{
    /// <summary>
    /// Inside an open <see cref="AuditedTransaction"/> on the same context: replaces the plain hashes of
    /// entries written before hashes were keyed with <paramref name="key"/>'s result, and re-seals the chain
    /// from the first changed entry, only if the chain verifies intact first (re-sealing a broken chain would
    /// hide the break). Saves the changes; the caller commits. Returns how many entries changed, or null when
    /// the chain is broken and nothing was changed.
    /// </summary>
    public async Task<int?> KeyDataHashesAsync(Func<byte[], byte[]> key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Re-sealing the chain needs the audited transaction's locks.");
        }

        // The head row's lock first, as every append takes it.
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditHeads\" SET \"Sequence\" = \"Sequence\" WHERE \"Id\" = {AuditHead.SingletonId}", cancellationToken);
        var first = await db.Set<AuditEvent>().Where(e => e.DataHash != null && !e.DataHashKeyed).OrderBy(e => e.Sequence)
            .Select(e => (long?)e.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (first is null)
        {
            return 0;
        }

        if (!(await VerifyAsync(cancellationToken)).IsIntact)
        {
            return null;
        }

        var auditKey = vault.Keys.Derive("audit", 1);
        try
        {
            var previous = first == 1 ? new byte[AuditEvent.MacSize]
                : await db.Set<AuditEvent>().Where(e => e.Sequence == first - 1).Select(e => e.Mac).SingleAsync(cancellationToken);
            var changed = 0;
            var entries = await db.Set<AuditEvent>().Where(e => e.Sequence >= first).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
            foreach (var entry in entries)
            {
                changed += entry.DataHash is not null && !entry.DataHashKeyed ? 1 : 0;
                entry.KeyDataHash(key);
                entry.Reseal(previous, auditKey);
                previous = entry.Mac;
            }

            var head = await db.Set<AuditHead>().SingleAsync(cancellationToken);
            head.MoveTo(entries[^1].Sequence, entries[^1].Mac);
            await db.SaveChangesAsync(cancellationToken);
            return changed;
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(auditKey);
        }
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var auditKey = vault.Keys.Derive("audit", 1);
        try
        {
            var previous = new byte[AuditEvent.MacSize];
            long expected = 1;
            long removed = 0;
            await foreach (var entry in db.Set<AuditEvent>().AsNoTracking().OrderBy(x => x.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                if (entry.Sequence != expected)
                {
                    return new AuditVerification(AuditBreak.Missing, expected - 1, expected);
                }

                var detailIntact = entry.DetailMac is null || entry.DetailRemoved
                    || System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(entry.ComputeDetailMac(auditKey), entry.DetailMac);
                if (!detailIntact || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(entry.ComputeMac(previous, auditKey), entry.Mac))
                {
                    return new AuditVerification(AuditBreak.Altered, expected - 1, expected);
                }

                previous = entry.Mac;
                removed += entry.DetailRemoved ? 1 : 0;
                expected++;
            }

            var count = expected - 1;
            var head = await db.Set<AuditHead>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            var headSequence = head?.Sequence ?? 0;
            if (headSequence != count || (head is not null && !head.Mac.AsSpan().SequenceEqual(previous)))
            {
                return new AuditVerification(headSequence > count ? AuditBreak.Truncated : AuditBreak.HeadAltered, count, Math.Min(headSequence, count) + 1);
            }

            return new AuditVerification(AuditBreak.None, count, null) { DetailsRemoved = removed };
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(auditKey);
        }
    }
}

public enum AuditBreak
{
    None,

    /// <summary>An entry's content or MAC was changed.</summary>
    Altered,

    /// <summary>A number is missing: an entry was deleted.</summary>
    Missing,

    /// <summary>The last entries were removed: the head names more than remain.</summary>
    Truncated,

    /// <summary>The head does not match the last entry.</summary>
    HeadAltered,
}

/// <param name="Verified">How many entries, from the first, were verified intact.</param>
/// <param name="BrokenAt">The first sequence number that does not verify.</param>
public sealed record AuditVerification(AuditBreak Break, long Verified, long? BrokenAt)
{
    /// <summary>How many verified entries had their detail removed by retention (type, time and value stay).</summary>
    public long DetailsRemoved { get; init; }

    public bool IsIntact => Break == AuditBreak.None;
}
