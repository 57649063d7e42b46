using System.Security.Cryptography;
using System.Text;

namespace Amanat.Core.Security;

/// <summary>
/// Encryption to a public key, for what arrives while the server may be sealed (self-reports): an ephemeral
/// P-256 key agrees a secret with the recipient's public key (ECDH), HKDF-SHA256 turns it into an
/// AES-256-GCM key bound to both public keys, and <see cref="Aead"/> seals the data with its associated
/// data. Layout: <c>version (1) | ephemeral point (65, uncompressed) | nonce | ciphertext | tag</c>.
/// Only the holder of the private half — the unsealed server — can open it; the sender keeps nothing.
/// </summary>
internal static class SealedBox
{
    public const byte Version = 1;
    private const int PointSize = 65;
    private static readonly byte[] Info = Encoding.ASCII.GetBytes("amanat:sealed-box:v1");

    public static int Overhead => 1 + PointSize + Aead.NonceSize + Aead.TagSize;

    public static byte[] Seal(ReadOnlySpan<byte> recipientPublicKey, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        using var recipient = ECDiffieHellman.Create();
        recipient.ImportSubjectPublicKeyInfo(recipientPublicKey, out _);
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = Point(ephemeral.ExportParameters(includePrivateParameters: false));
        var key = Key(ephemeral, recipient, point);
        try
        {
            var sealedData = Aead.Seal(key, plaintext, associatedData);
            var box = new byte[1 + PointSize + sealedData.Length];
            box[0] = Version;
            point.CopyTo(box, 1);
            sealedData.CopyTo(box, 1 + PointSize);
            return box;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Opens a box with the recipient's private key; throws <see cref="CryptographicException"/> when it was altered or is not for this key.</summary>
    public static byte[] Open(ECDiffieHellman recipient, ReadOnlySpan<byte> box, ReadOnlySpan<byte> associatedData)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (box.Length < Overhead || box[0] != Version || box[1] != 4)
        {
            throw new CryptographicException("Not a sealed box of a known version.");
        }

        var point = box.Slice(1, PointSize).ToArray();
        using var ephemeral = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = point[1..33], Y = point[33..] },
        });
        var key = Key(recipient, ephemeral, point, recipientIsOwn: true);
        try
        {
            return Aead.Open(key, box[(1 + PointSize)..], associatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] Key(ECDiffieHellman own, ECDiffieHellman other, byte[] ephemeralPoint, bool recipientIsOwn = false)
    {
        var secret = own.DeriveRawSecretAgreement(other.PublicKey);
        try
        {
            var recipientPoint = Point((recipientIsOwn ? own : other).ExportParameters(includePrivateParameters: false));
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, [.. ephemeralPoint, .. recipientPoint], Info);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private static byte[] Point(ECParameters parameters) => [4, .. parameters.Q.X!, .. parameters.Q.Y!];
}
