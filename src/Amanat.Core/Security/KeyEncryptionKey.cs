using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace Amanat.Core.Security;

/// <summary>The key that wraps the root key: derived from the key file's 32 random bytes, or from a passphrase with Argon2id.</summary>
public static class KeyEncryptionKey
{
    public const int KeyFileSize = 32;

    /// <summary>Argon2id with 64 MiB, 3 passes, 2 lanes: about half a second on the reference machine.</summary>
    public static PassphraseKdf NewPassphraseKdf() => new(RandomNumberGenerator.GetBytes(16), 64 * 1024, 3, 2);

    public static byte[] FromPassphrase(string passphrase, PassphraseKdf kdf)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        ArgumentNullException.ThrowIfNull(kdf);
        var bytes = Encoding.UTF8.GetBytes(passphrase.Normalize(NormalizationForm.FormC));
        try
        {
            using var argon = new Argon2id(bytes)
            {
                Salt = kdf.Salt,
                MemorySize = kdf.MemoryKiB,
                Iterations = kdf.Iterations,
                DegreeOfParallelism = kdf.Parallelism,
            };
            return argon.GetBytes(KeyRing.KeySize);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    public static byte[] FromKeyFile(string path)
    {
        var content = File.ReadAllBytes(path);
        try
        {
            if (content.Length != KeyFileSize)
            {
                throw new InvalidDataException($"The key file {path} is damaged: it must hold exactly {KeyFileSize} bytes.");
            }

            var kek = new byte[KeyRing.KeySize];
            HKDF.DeriveKey(HashAlgorithmName.SHA256, content, kek, [], "amanat:kek:key-file"u8);
            return kek;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(content);
        }
    }

    /// <summary>Creates a new key file of 32 random bytes, owner-only.</summary>
    public static void CreateKeyFile(string path)
    {
        var content = RandomNumberGenerator.GetBytes(KeyFileSize);
        try
        {
            OwnerOnlyFile.Write(path, content);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(content);
        }
    }
}
