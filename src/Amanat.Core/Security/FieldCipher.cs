using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Amanat.Core.Security;

/// <summary>
/// The stored form of one encrypted field: <c>v{version}.{base64(nonce | ciphertext | tag)}</c>, AES-256-GCM
/// under the record's own key, with associated data that binds the value to its entity, field and record
/// id, so a value copied to another row or field does not decrypt. The <c>v{version}</c> prefix is the
/// format's version and is always 1 (<see cref="FieldEncryptionInterceptor"/> writes 1): which generation of
/// data key wraps the record's key is kept with the record key (<see cref="RecordKey.Version"/>), not here.
/// </summary>
public static class FieldCipher
{
    public static string Encrypt(ReadOnlySpan<byte> key, int version, string plaintext, FieldContext context)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var data = Encoding.UTF8.GetBytes(plaintext);
        try
        {
            return string.Create(CultureInfo.InvariantCulture, $"v{version}.{Convert.ToBase64String(Aead.Seal(key, data, context.AssociatedData()))}");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(data);
        }
    }

    /// <summary>The format version in the stored value's prefix: always 1 so far.</summary>
    public static int VersionOf(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var dot = stored.IndexOf('.', StringComparison.Ordinal);
        return dot >= 2 && stored[0] == 'v' && int.TryParse(stored.AsSpan(1, dot - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new CryptographicException("The stored value is not in a known encrypted format.");
    }

    public static string Decrypt(ReadOnlySpan<byte> key, string stored, FieldContext context)
    {
        _ = VersionOf(stored);
        var body = Convert.FromBase64String(stored[(stored.IndexOf('.', StringComparison.Ordinal) + 1)..]);
        return Encoding.UTF8.GetString(Aead.Open(key, body, context.AssociatedData()));
    }
}

/// <summary>What an encrypted value belongs to: entity type, field and record id (all key parts of the row).</summary>
public readonly record struct FieldContext(string Entity, string Field, string RecordId)
{
    public FieldContext(string entity, string field, Guid recordId)
        : this(entity, field, recordId.ToString("N"))
    {
    }

    public byte[] AssociatedData() => Encoding.UTF8.GetBytes($"{Entity}|{Field}|{RecordId}");
}
