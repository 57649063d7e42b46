using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Incidents;

/// <summary>
/// One version of an incident: who changed it, when, which fields (in the clear: names, not values), the
/// values before and after (encrypted), and the SHA-256 of the whole version that also goes into the audit.
/// </summary>
public sealed class IncidentRevision : Entity, IEncryptedRecord
{
    private IncidentRevision()
    {
    }

    public IncidentRevision(Incident incident, IReadOnlyList<FieldChange> changes, Guid changedById, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(changes);
        IncidentId = incident.Id;
        Version = incident.Version;
        ChangedById = changedById;
        AtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
        Fields = string.Join(',', changes.Select(c => c.Field));
        Changes = JsonSerializer.Serialize(changes);
        Hash = HashOf(incident);
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

    public Guid KeyOwnerId => IncidentId;

    public IReadOnlyList<FieldChange> ChangeList() =>
        Changes is null ? [] : JsonSerializer.Deserialize<List<FieldChange>>(Changes) ?? [];

    /// <summary>SHA-256 over the id, the version and every field of the snapshot.</summary>
    public static byte[] HashOf(Incident incident)
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
