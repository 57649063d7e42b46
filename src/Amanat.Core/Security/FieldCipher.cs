using System.Security.Cryptography;
using System.Text;

namespace Amanat.Core.Security;

/// <summary>
/// AES-256-GCM for one class of data. A stored value is <c>v{version}.{base64(nonce | ciphertext | tag)}</c>:
/// a fresh 96-bit nonce each time, and associated data that binds the value to its entity, field and
/// record id, so a value copied to another row or field does not decrypt.
/// </summary>
public sealed class FieldCipher
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly int currentVersion;
    private readonly Dictionary<int, byte[]> keys;

    public FieldCipher(KeyRing keyRing, string dataClass, int currentVersion = 1)
    {
        ArgumentNullException.ThrowIfNull(keyRing);
        this.currentVersion = currentVersion;
        keys = Enumerable.Range(1, currentVersion).ToDictionary(v => v, v => keyRing.Derive("field:" + dataClass, v));
    }

    public string Encrypt(string plaintext, FieldContext context)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + data.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys[currentVersion], TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize, data.Length), output.AsSpan(NonceSize + data.Length), context.AssociatedData());
        CryptographicOperations.ZeroMemory(data);
        return $"v{currentVersion}.{Convert.ToBase64String(output)}";
    }

    public string Decrypt(string stored, FieldContext context)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var dot = stored.IndexOf('.', StringComparison.Ordinal);
        if (dot < 2 || stored[0] != 'v' || !int.TryParse(stored.AsSpan(1, dot - 1), System.Globalization.CultureInfo.InvariantCulture, out var version)
            || !keys.TryGetValue(version, out var key))
        {
            throw new CryptographicException("The stored value is not in a known encrypted format.");
        }

        var input = Convert.FromBase64String(stored[(dot + 1)..]);
        if (input.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The stored value is too short.");
        }

        var length = input.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, length), input.AsSpan(NonceSize + length), plain, context.AssociatedData());
        return Encoding.UTF8.GetString(plain);
    }
}

/// <summary>What an encrypted value belongs to: entity type, field and record id.</summary>
public readonly record struct FieldContext(string Entity, string Field, Guid RecordId)
{
    public byte[] AssociatedData() => Encoding.UTF8.GetBytes($"{Entity}|{Field}|{RecordId:N}");
}
