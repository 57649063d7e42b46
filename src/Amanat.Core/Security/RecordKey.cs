namespace Amanat.Core.Security;

/// <summary>
/// The key of one record and everything under it (a member and her rows, an incident and its rows, a
/// staff account's secrets): 256 random bits, wrapped by the data-class key of <see cref="Version"/>.
/// Deleting this row makes every value encrypted under it unreadable — "forget me" destroys one key.
/// </summary>
public sealed class RecordKey
{
    private RecordKey()
    {
    }

    public RecordKey(Guid ownerId, string dataClass, int version, byte[] wrappedKey, DateTime createdAtUtc)
    {
        OwnerId = ownerId;
        DataClass = dataClass;
        Version = version;
        WrappedKey = wrappedKey;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid OwnerId { get; private set; }

    public string DataClass { get; private set; } = string.Empty;

    public int Version { get; private set; }

    public byte[] WrappedKey { get; private set; } = [];

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The record key itself (the caller zeroes it when done).</summary>
    public byte[] Unwrap(KeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var wrappingKey = keys.DataClassKey(DataClass, Version);
        try
        {
            return Aead.Open(wrappingKey, WrappedKey, AssociatedData(OwnerId, DataClass));
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(wrappingKey);
        }
    }

    /// <summary>Rotation: the same record key, wrapped again by the current generation's data-class key.</summary>
    public void Rewrap(KeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var version = keys.CurrentDataVersion;
        if (version == Version)
        {
            return;
        }

        var key = Unwrap(keys);
        var wrappingKey = keys.DataClassKey(DataClass, version);
        try
        {
            WrappedKey = Aead.Seal(wrappingKey, key, AssociatedData(OwnerId, DataClass));
            Version = version;
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(wrappingKey);
        }
    }

    internal static byte[] AssociatedData(Guid ownerId, string dataClass) =>
        System.Text.Encoding.UTF8.GetBytes($"record-key|{dataClass}|{ownerId:N}");
}

/// <summary>A row whose protected fields are encrypted under the key of <see cref="KeyOwnerId"/>.</summary>
internal interface IEncryptedRecord
{
    /// <summary>The record that owns the key: the row itself, its member, its incident or its staff account.</summary>
    Guid KeyOwnerId { get; }
}
