using Amanat.Core.Data;
using Amanat.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Core.Auditing;

/// <summary>Re-computes the whole chain and compares it with the head: any altered, missing or cut-off entry shows.</summary>
public sealed class AuditChain(AmanatDbContext db, KeyVault vault)
{
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
