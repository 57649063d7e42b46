using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace Amanat.Core.Security;

/// <summary>The key that wraps the root key: derived from the key file's 32 random bytes, or from a passphrase with Argon2id.</summary>
public static class KeyEncryptionKey
{
    public const int KeyFileSize = 32;

    /// <summary>
    /// Argon2id (libsodium, through NSec) with 128 MiB, 3 passes, 1 lane: about 0.4 s on the reference
    /// machine, the unlock time the managed implementation needed for 64 MiB. Twice the memory an attacker
    /// must give each guess.
    /// </summary>
    public static PassphraseKdf NewPassphraseKdf() => new(RandomNumberGenerator.GetBytes(16), 128 * 1024, 3, 1);

    public static byte[] FromPassphrase(string passphrase, PassphraseKdf kdf)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        ArgumentNullException.ThrowIfNull(kdf);
        var bytes = Encoding.UTF8.GetBytes(passphrase.Normalize(NormalizationForm.FormC));
        try
        {
            if (kdf.Parallelism == 1)
            {
                // libsodium computes one lane only; the result is the same Argon2id (version 0x13) as any other implementation's.
                var parameters = new NSec.Cryptography.Argon2Parameters { DegreeOfParallelism = 1, MemorySize = kdf.MemoryKiB, NumberOfPasses = kdf.Iterations };
                return NSec.Cryptography.PasswordBasedKeyDerivationAlgorithm.Argon2id(in parameters).DeriveBytes(bytes, kdf.Salt, KeyRing.KeySize);
            }

            // Key stores written before libsodium was used have two lanes: the managed implementation still opens them.
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
