using Amanat.Core.Data;
using Amanat.Core.Security;

namespace Amanat.Core.Auditing;

/// <summary>
/// Where audited work begins: every audited write runs in an <see cref="AuditedTransaction"/> begun here (which
/// takes the locks in one order), and an entry alone (a read, a sign-in, a start-up event) is a transaction of
/// its own. Begun again while one is open on this context, it joins that one: its entries are chained when the
/// open one commits.
/// </summary>
public sealed class AuditLog(AmanatDbContext db, KeyVault vault, TimeProvider clock)
{
    private AuditedTransaction? open;

    public async Task<AuditedTransaction> BeginAsync(AuditSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (open is { IsOpen: true })
        {
            return open.Joined(source);
        }

        open = await AuditedTransaction.BeginAsync(db, vault, clock, source, cancellationToken);
        return open;
    }

    public async Task RecordAsync(AuditEventType type, AuditSource source, Guid? subjectId = null, long? value = null, byte[]? dataHash = null, DateTime? atUtc = null, CancellationToken cancellationToken = default)
    {
        await using var transaction = await BeginAsync(source, cancellationToken);
        transaction.Add(type, subjectId, value, dataHash, atUtc);
        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>Who is acting and from where, as far as the audit needs to know.</summary>
public sealed record AuditSource(Guid? ActorId, AuditOrigin Origin, string? Network)
{
    public static readonly AuditSource System = new(null, AuditOrigin.System, null);

    public static AuditSource Cli(Guid? actorId = null) => new(actorId, AuditOrigin.Cli, null);
}
