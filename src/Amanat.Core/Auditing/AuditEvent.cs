using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amanat.Core.Common;

namespace Amanat.Core.Auditing;

/// <summary>
/// One append-only audit entry: a numbered type, who, when, a coarse origin and at most a number or a hash
/// — never content. Entries are numbered without gaps and chained: each MAC covers the previous one, so
/// an altered, removed or cut-off entry shows on verification.
/// </summary>
public sealed class AuditEvent
{
    public const int MacSize = 32;

    private AuditEvent()
    {
    }

    public AuditEvent(AuditEventType type, DateTime atUtc, Guid? actorId, Guid? subjectId, AuditOrigin origin, string? network, long? value = null, byte[]? dataHash = null)
    {
        Type = type;
        // Whole milliseconds: every database keeps them exactly, so the MAC over the time verifies after a round trip.
        var at = UtcTime.Require(atUtc, nameof(atUtc));
        AtUtc = new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        ActorId = actorId;
        SubjectId = subjectId;
        Origin = origin;
        Network = network;
        Value = value;
        DataHash = dataHash;
        DataHashKeyed = true;
    }

    public long Sequence { get; private set; }

    public AuditEventType Type { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>The staff member who acted, if any.</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>What was acted on: a staff account, a record.</summary>
    public Guid? SubjectId { get; private set; }

    public AuditOrigin Origin { get; private set; }

    /// <summary>A coarse network (IPv4 /16, IPv6 /32), never a full address.</summary>
    public string? Network { get; private set; }

    /// <summary>A number the type defines: new role flags, rows exported.</summary>
    public long? Value { get; private set; }

    /// <summary>A hash the type defines: the hash of a record version.</summary>
    public byte[]? DataHash { get; private set; }

    /// <summary>
    /// False only in entries written before record hashes were keyed: their <see cref="DataHash"/> is a plain
    /// SHA-256 until <see cref="AuditChain.KeyDataHashesAsync"/> replaces it and re-seals the chain. Not covered
    /// by the MAC: the re-sealing only runs over a chain that verifies intact.
    /// </summary>
    public bool DataHashKeyed { get; private set; }

    public byte[] Mac { get; private set; } = [];

    /// <summary>
    /// HMAC of the detail (who, what, from where), which the chain covers instead of the detail itself, so
    /// that retention can remove the detail of old entries and the chain still verifies. Null in entries
    /// written before retention existed: their MAC covers the detail directly, and it cannot be removed.
    /// </summary>
    public byte[]? DetailMac { get; private set; }

    /// <summary>Retention removed who, what and from where; the entry's type, time, origin and value stay.</summary>
    public bool DetailRemoved { get; private set; }

    /// <summary>True when the detail can be removed without breaking the chain (entries with a detail MAC).</summary>
    public bool CanRemoveDetail => DetailMac is not null && !DetailRemoved;

    /// <summary>Retention: who, what and from where are removed; the chain still verifies through the detail MAC.</summary>
    public void RemoveDetail()
    {
        if (!CanRemoveDetail)
        {
            return;
        }

        ActorId = null;
        SubjectId = null;
        Network = null;
        DetailRemoved = true;
    }

    /// <summary>Numbers and seals this entry after <paramref name="previousMac"/>.</summary>
    internal void Chain(long sequence, ReadOnlySpan<byte> previousMac, ReadOnlySpan<byte> auditKey)
    {
        Sequence = sequence;
        DetailMac = ComputeDetailMac(auditKey);
        Mac = ComputeMac(previousMac, auditKey);
    }

    /// <summary>A plain hash replaced by its keyed form; the caller re-seals the chain from here on.</summary>
    internal void KeyDataHash(Func<byte[], byte[]> key)
    {
        if (DataHash is not null && !DataHashKeyed)
        {
            DataHash = key(DataHash);
        }

        DataHashKeyed = true;
    }

    /// <summary>Seals this entry again after <paramref name="previousMac"/> (its number and detail MAC stay).</summary>
    internal void Reseal(ReadOnlySpan<byte> previousMac, ReadOnlySpan<byte> auditKey) => Mac = ComputeMac(previousMac, auditKey);

    /// <summary>The detail's MAC as it should be; compare with <see cref="DetailMac"/> while the detail is there.</summary>
    internal byte[] ComputeDetailMac(ReadOnlySpan<byte> auditKey) =>
        HMACSHA256.HashData(auditKey, Encoding.UTF8.GetBytes(string.Join('|',
            "detail",
            Sequence.ToString(CultureInfo.InvariantCulture),
            ActorId?.ToString("N") ?? "-",
            SubjectId?.ToString("N") ?? "-",
            Network ?? "-")));

    internal byte[] ComputeMac(ReadOnlySpan<byte> previousMac, ReadOnlySpan<byte> auditKey)
    {
        var canonical = DetailMac is not null
            ? string.Join('|',
                "v2",
                Sequence.ToString(CultureInfo.InvariantCulture),
                ((int)Type).ToString(CultureInfo.InvariantCulture),
                AtUtc.Ticks.ToString(CultureInfo.InvariantCulture),
                ((int)Origin).ToString(CultureInfo.InvariantCulture),
                Value?.ToString(CultureInfo.InvariantCulture) ?? "-",
                DataHash is null ? "-" : Convert.ToHexString(DataHash),
                Convert.ToHexString(DetailMac))
            : string.Join('|',
            Sequence.ToString(CultureInfo.InvariantCulture),
            ((int)Type).ToString(CultureInfo.InvariantCulture),
            AtUtc.Ticks.ToString(CultureInfo.InvariantCulture),
            ActorId?.ToString("N") ?? "-",
            SubjectId?.ToString("N") ?? "-",
            ((int)Origin).ToString(CultureInfo.InvariantCulture),
            Network ?? "-",
            Value?.ToString(CultureInfo.InvariantCulture) ?? "-",
            DataHash is null ? "-" : Convert.ToHexString(DataHash));
        var data = new byte[previousMac.Length + Encoding.UTF8.GetByteCount(canonical)];
        previousMac.CopyTo(data);
        Encoding.UTF8.GetBytes(canonical, data.AsSpan(previousMac.Length));
        return HMACSHA256.HashData(auditKey, data);
    }
}

/// <summary>The last entry's number and MAC, updated in the same transaction as each append.</summary>
public sealed class AuditHead
{
    public const int SingletonId = 1;

    private AuditHead()
    {
    }

    internal AuditHead(long sequence, byte[] mac)
    {
        Sequence = sequence;
        Mac = mac;
    }

    public int Id { get; private set; } = SingletonId;

    /// <summary>The head of an empty chain: sequence 0 and a MAC of zeros.</summary>
    public static AuditHead Genesis() => new(0, new byte[AuditEvent.MacSize]);

    public long Sequence { get; private set; }

    public byte[] Mac { get; private set; } = new byte[AuditEvent.MacSize];

    /// <summary>Short form for people to note down and compare: sequence and the first 16 hex digits of the MAC.</summary>
    public string Fingerprint => $"{Sequence.ToString(CultureInfo.InvariantCulture)}:{Convert.ToHexString(Mac, 0, 8).ToLowerInvariant()}";

    internal void MoveTo(long sequence, byte[] mac)
    {
        Sequence = sequence;
        Mac = mac;
    }
}
