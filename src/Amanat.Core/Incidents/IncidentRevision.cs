using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Incidents;

/// <summary>
/// One version of an incident: who changed it, when, which fields (in the clear: names, not values), the
/// values before and after (encrypted), and the keyed hash of the whole version that also goes into the audit.
/// The hash is an HMAC under a key derived from the root (<see cref="KeyedHash"/>): a copy of the database
/// alone cannot confirm a guessed phone number or name against it.
/// </summary>
public sealed class IncidentRevision : Entity, IEncryptedRecord
{
    private IncidentRevision()
    {
    }

    public IncidentRevision(Incident incident, IReadOnlyList<FieldChange> changes, Guid changedById, DateTime nowUtc, KeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(changes);
        IncidentId = incident.Id;
        Version = incident.Version;
        ChangedById = changedById;
        AtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
        Fields = string.Join(',', changes.Select(c => c.Field));
        Changes = JsonSerializer.Serialize(changes);
        Hash = KeyedHash(keys, SnapshotDigest(incident));
        HashKeyed = true;
    }

    /// <summary>Retention: the values before and after are removed; who, when, which fields and the version's hash stay.</summary>
    public void RemoveValues() => Changes = null;

    public Guid IncidentId { get; private set; }

    public int Version { get; private set; }

    public Guid ChangedById { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>Names of the changed fields, comma-separated.</summary>
    public string Fields { get; private set; } = string.Empty;

    /// <summary>Before and after, as JSON; encrypted.</summary>
    public string? Changes { get; private set; }

    public byte[] Hash { get; private set; } = [];

    /// <summary>False only for versions written before hashes were keyed: their <see cref="Hash"/> is the plain digest until <see cref="KeyTheHash"/>.</summary>
    public bool HashKeyed { get; private set; }

    /// <summary>An older version's plain digest becomes its keyed hash (once).</summary>
    public void KeyTheHash(KeyRing keys)
    {
        if (!HashKeyed)
        {
            Hash = KeyedHash(keys, Hash);
            HashKeyed = true;
        }
    }

    public Guid KeyOwnerId => IncidentId;

    public IReadOnlyList<FieldChange> ChangeList() =>
        Changes is null ? [] : JsonSerializer.Deserialize<List<FieldChange>>(Changes) ?? [];

    /// <summary>
    /// The stored hash of a version: HMAC-SHA256, under a key derived from the root for this purpose, of the
    /// SHA-256 <see cref="SnapshotDigest"/>. Keying the digest (not the text) lets versions hashed before
    /// keys were used be keyed later without their text.
    /// </summary>
    public static byte[] KeyedHash(KeyRing keys, byte[] digest)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var key = keys.Derive("revision-hash", 1);
        try
        {
            return HMACSHA256.HashData(key, digest);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>SHA-256 over the id, the version and every field of the snapshot: never stored as it is.</summary>
    public static byte[] SnapshotDigest(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var canonical = new StringBuilder().Append(incident.Id.ToString("N")).Append('|').Append(incident.Version);
        foreach (var (field, value) in incident.Snapshot())
        {
            canonical.Append('|').Append(field).Append('=').Append(value);
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()));
    }
}
