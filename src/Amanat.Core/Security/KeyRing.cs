using System.Security.Cryptography;
using System.Text;

namespace Amanat.Core.Security;

/// <summary>
/// Holds the root key in memory and derives purpose keys from it with HKDF-SHA256. Every other key
/// (field encryption, blind indexes, audit chain, Data Protection) is derived here, so that rotating or
/// re-wrapping the root is one place. See <c>README.md</c> in this folder.
/// </summary>
public sealed class KeyRing : IDisposable
{
    public const int KeySize = 32;

    private readonly byte[] root;

    public KeyRing(ReadOnlySpan<byte> rootKey)
    {
        if (rootKey.Length != KeySize)
        {
            throw new ArgumentException("The root key must be 256 bits.", nameof(rootKey));
        }

        root = rootKey.ToArray();
    }

    /// <summary>A 256-bit key for one purpose and version, e.g. ("field:staff-secrets", 1).</summary>
    public byte[] Derive(string purpose, int version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        var info = Encoding.UTF8.GetBytes($"amanat:{purpose}:v{version}");
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, root, KeySize, salt: [], info);
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(root);
}
