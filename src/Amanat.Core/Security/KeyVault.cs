using System.Security.Cryptography;

namespace Amanat.Core.Security;

/// <summary>
/// The key hierarchy of the running server: the key store on disk, the root key in memory (or not, while
/// sealed), and the switches between key file and passphrase. Switching re-wraps the root key only, so
/// every value and every blind index stays readable. See <c>README.md</c> in this folder.
/// </summary>
public sealed class KeyVault(string keyStorePath, string keyFilePath, TimeProvider clock) : IDisposable
{
    public const int MinPassphraseLength = 16;
    private static readonly byte[] SelfReportAssociatedData = "amanat:self-report-private:v1"u8.ToArray();

    private readonly Lock gate = new();
    private KeyStoreFile? store;
    private KeyRing? keys;

    public string KeyFilePath { get; } = keyFilePath;

    public bool IsSealed => keys is null;

    public UnlockMode Mode => Store.Mode;

    /// <summary>The root key's derivations; throws <see cref="SealedException"/> while sealed.</summary>
    public KeyRing Keys => keys ?? throw new SealedException();

    /// <summary>Usable while sealed: self-reports are encrypted to it on arrival.</summary>
    public byte[] SelfReportPublicKey => Store.SelfReportPublicKey;

    private KeyStoreFile Store => store ?? throw new InvalidOperationException("The key store has not been opened.");

    /// <summary>
    /// At start: creates the hierarchy on the very first start (key-file mode), unseals with the key file in
    /// key-file mode, and stays sealed in passphrase mode (or when the key file is missing).
    /// </summary>
    /// <param name="mayCreate">False when the database already holds data: a missing key store is then an
    /// error to fix from a backup, never a reason to make new keys that cannot read the old data.</param>
    public VaultStart Open(bool mayCreate)
    {
        lock (gate)
        {
            store = KeyStoreFile.Load(keyStorePath);
            if (store is null)
            {
                if (!mayCreate)
                {
                    throw new InvalidOperationException(
                        $"The key store {keyStorePath} is missing but the database already holds data. Restore the keys directory from a backup; new keys could not read the existing data.");
                }

                Create();
                return VaultStart.Created;
            }

            if (store.Mode == UnlockMode.KeyFile && File.Exists(KeyFilePath))
            {
                UnsealWith(KeyEncryptionKey.FromKeyFile(KeyFilePath));
                return VaultStart.Unsealed;
            }

            return VaultStart.Sealed;
        }
    }

    /// <summary>Unlocks with the passphrase; false when it is wrong (or the server is not in passphrase mode).</summary>
    public bool TryUnseal(string passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        var current = Store;
        if (current.Mode != UnlockMode.Passphrase || current.Passphrase is null)
        {
            return false;
        }

        var kek = KeyEncryptionKey.FromPassphrase(passphrase, current.Passphrase);
        lock (gate)
        {
            if (!IsSealed)
            {
                CryptographicOperations.ZeroMemory(kek);
                return true;
            }

            try
            {
                UnsealWith(kek);
                return true;
            }
            catch (CryptographicException)
            {
                return false;
            }
        }
    }

    /// <summary>Unlocks from the key file (key-file mode, e.g. after a seal or with the file inserted later).</summary>
    public bool TryUnsealWithKeyFile()
    {
        lock (gate)
        {
            if (!IsSealed)
            {
                return true;
            }

            if (Store.Mode != UnlockMode.KeyFile || !File.Exists(KeyFilePath))
            {
                return false;
            }

            UnsealWith(KeyEncryptionKey.FromKeyFile(KeyFilePath));
            return true;
        }
    }

    /// <summary>Drops the root key from memory. Nothing can be decrypted until the next unlock.</summary>
    public void Seal()
    {
        lock (gate)
        {
            keys?.Dispose();
            keys = null;
        }
    }

    /// <summary>Sealed mode: from now on the root key is wrapped by the passphrase and the key file is destroyed.</summary>
    public void UsePassphrase(string passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        if (passphrase.Length < MinPassphraseLength)
        {
            throw new ArgumentException($"The passphrase needs at least {MinPassphraseLength} characters.", nameof(passphrase));
        }

        var kdf = KeyEncryptionKey.NewPassphraseKdf();
        var kek = KeyEncryptionKey.FromPassphrase(passphrase, kdf);
        lock (gate)
        {
            Rewrap(kek, UnlockMode.Passphrase, kdf);
            OwnerOnlyFile.Destroy(KeyFilePath);
        }
    }

    /// <summary>Key-file mode: a new key file wraps the root key; the server unseals itself at start.</summary>
    public void UseKeyFile()
    {
        lock (gate)
        {
            _ = Keys;
            if (Store.Mode == UnlockMode.KeyFile)
            {
                return;
            }

            OwnerOnlyFile.Destroy(KeyFilePath);
            KeyEncryptionKey.CreateKeyFile(KeyFilePath);
            Rewrap(KeyEncryptionKey.FromKeyFile(KeyFilePath), UnlockMode.KeyFile, kdf: null);
        }
    }

    /// <summary>The private half of the self-report key pair, for reading reports (needs the unsealed root).</summary>
    public ECDiffieHellman SelfReportPrivateKey()
    {
        var key = Keys.Derive("self-report", 1);
        var pkcs8 = Aead.Open(key, Store.SelfReportPrivateKey, SelfReportAssociatedData);
        var pair = ECDiffieHellman.Create();
        pair.ImportPkcs8PrivateKey(pkcs8, out _);
        CryptographicOperations.ZeroMemory(pkcs8);
        CryptographicOperations.ZeroMemory(key);
        return pair;
    }

    public void Dispose() => Seal();

    private void Create()
    {
        var root = RandomNumberGenerator.GetBytes(KeyRing.KeySize);
        var generations = new Dictionary<int, byte[]> { [1] = RandomNumberGenerator.GetBytes(32) };
        var ring = new KeyRing(root, generations);
        CryptographicOperations.ZeroMemory(root);
        using var selfReport = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var privateKey = selfReport.ExportPkcs8PrivateKey();
        var wrapKey = ring.Derive("self-report", 1);
        OwnerOnlyFile.Destroy(KeyFilePath);
        KeyEncryptionKey.CreateKeyFile(KeyFilePath);
        var kek = KeyEncryptionKey.FromKeyFile(KeyFilePath);
        store = new KeyStoreFile
        {
            Mode = UnlockMode.KeyFile,
            WrappedRoot = ring.WrapRoot(kek),
            DataKeyGenerations = generations,
            SelfReportPublicKey = selfReport.ExportSubjectPublicKeyInfo(),
            SelfReportPrivateKey = Aead.Seal(wrapKey, privateKey, SelfReportAssociatedData),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        CryptographicOperations.ZeroMemory(privateKey);
        CryptographicOperations.ZeroMemory(wrapKey);
        CryptographicOperations.ZeroMemory(kek);
        store.Save(keyStorePath);
        keys = ring;
    }

    private void UnsealWith(byte[] kek)
    {
        try
        {
            var root = KeyRing.UnwrapRoot(kek, Store.WrappedRoot);
            keys = new KeyRing(root, Store.DataKeyGenerations);
            CryptographicOperations.ZeroMemory(root);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(kek);
        }
    }

    private void Rewrap(byte[] kek, UnlockMode mode, PassphraseKdf? kdf)
    {
        try
        {
            store = Store with { Mode = mode, Passphrase = kdf, WrappedRoot = Keys.WrapRoot(kek) };
            store.Save(keyStorePath);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(kek);
        }
    }
}

public enum VaultStart
{
    Created,
    Unsealed,
    Sealed,
}
