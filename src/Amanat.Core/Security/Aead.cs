using System.Security.Cryptography;

namespace Amanat.Core.Security;

/// <summary>
/// AES-256-GCM with a fresh 96-bit nonce: <c>nonce | ciphertext | tag</c>. The one place that calls
/// <see cref="AesGcm"/>; every key wrap and every field value goes through it.
/// </summary>
public static class Aead
{
    public const int NonceSize = 12;
    public const int TagSize = 16;

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length), associatedData);
        return output;
    }

    /// <summary>Decrypts and authenticates; throws <see cref="CryptographicException"/> on any change.</summary>
    public static byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedData, ReadOnlySpan<byte> associatedData)
    {
        if (sealedData.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The sealed value is too short.");
        }

        var length = sealedData.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedData[..NonceSize], sealedData.Slice(NonceSize, length), sealedData[(NonceSize + length)..], plain, associatedData);
        return plain;
    }
}
