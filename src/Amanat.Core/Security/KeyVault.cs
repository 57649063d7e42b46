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
    private static readonly byte[] BackupAssociatedData = "amanat:backup-private:v1"u8.ToArray();

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

    /// <summary>The key store as it is now (nothing in it opens anything without the key file, the passphrase or the recovery shares).</summary>
    public KeyStoreFile StoreFile => Store;

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

    /// <summary>True after <see cref="Wipe"/>: nothing on this machine can open the data any more.</summary>
    public bool IsWiped { get; private set; }

    /// <summary>
    /// Destroys the key material on this machine: the root key leaves memory, the key store and the key file
    /// are overwritten and deleted. The data here can never be read again; a backup (which carries its own
    /// wrapped keys) with the passphrase, the key file or the recovery shares is the only way back.
    /// </summary>
    public void Wipe()
    {
        lock (gate)
        {
            keys?.Dispose();
            keys = null;
            OwnerOnlyFile.Destroy(keyStorePath);
            OwnerOnlyFile.Destroy(keyStorePath + ".new");
            OwnerOnlyFile.Destroy(KeyFilePath);
            if (store is not null)
            {
                CryptographicOperations.ZeroMemory(store.WrappedRoot);
                store = store with { Mode = UnlockMode.Passphrase, Passphrase = null, Recovery = null, BackupPrivateKey = null };
            }

            IsWiped = true;
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

    /// <summary>
    /// Key rotation, first step: a new generation of data-class keys (a new random salt) wraps every record
    /// key made from now on; the older generations stay until <see cref="DestroyGeneration"/>, so everything
    /// stays readable while the record keys are re-wrapped. Needs the unsealed root. Returns the new version.
    /// </summary>
    public int AddDataKeyGeneration()
    {
        lock (gate)
        {
            var ring = Keys;
            var version = Math.Max(ring.CurrentDataVersion, Store.DataKeyGenerations.Keys.Max()) + 1;
            var salt = RandomNumberGenerator.GetBytes(32);
            store = Store with { DataKeyGenerations = new Dictionary<int, byte[]>(Store.DataKeyGenerations) { [version] = salt } };
            store.Save(keyStorePath);
            ring.AddGeneration(version, salt);
            return version;
        }
    }

    /// <summary>
    /// Key rotation, last step: an older generation's salt leaves the key store and memory, and with it every
    /// data-class key of that generation. Call it only when no record key is wrapped by it any more: backups
    /// made before carry their own key store and stay restorable.
    /// </summary>
    public void DestroyGeneration(int version)
    {
        lock (gate)
        {
            if (version >= Store.DataKeyGenerations.Keys.Max())
            {
                throw new InvalidOperationException("The current data-key generation cannot be destroyed.");
            }

            if (Store.DataKeyGenerations.ContainsKey(version))
            {
                var remaining = new Dictionary<int, byte[]>(Store.DataKeyGenerations);
                remaining.Remove(version, out var salt);
                store = Store with { DataKeyGenerations = remaining };
                store.Save(keyStorePath);
                CryptographicOperations.ZeroMemory(salt);
            }

            keys?.RemoveGeneration(version);
        }
    }

    /// <summary>The data-key generations in the key store, oldest first (more than one while a rotation runs).</summary>
    public IReadOnlyList<int> DataKeyVersions => [.. Store.DataKeyGenerations.Keys.Order()];

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

    /// <summary>The private half of the backup key pair, to open a backup (needs the unsealed root).</summary>
    public ECDiffieHellman BackupPrivateKey()
    {
        var sealedKey = Store.BackupPrivateKey ?? throw new InvalidOperationException("This key store has no backup key yet: unseal the server once.");
        var key = Keys.Derive("backup", 1);
        var pkcs8 = Aead.Open(key, sealedKey, BackupAssociatedData);
        var pair = ECDiffieHellman.Create();
        pair.ImportPkcs8PrivateKey(pkcs8, out _);
        CryptographicOperations.ZeroMemory(pkcs8);
        CryptographicOperations.ZeroMemory(key);
        return pair;
    }

    /// <summary>
    /// A new recovery key wraps the root and is split into <paramref name="n"/> shares, any <paramref name="k"/>
    /// of which open the keys; an earlier set stops working. Needs the unsealed root.
    /// </summary>
    public IReadOnlyList<RecoveryShare> CreateRecoveryShares(int k, int n)
    {
        var recovery = RandomNumberGenerator.GetBytes(KeyRing.KeySize);
        try
        {
            var shares = Shamir.Split(recovery, n, k);
            var set = RecoverySheet.NewSetId();
            lock (gate)
            {
                store = Store with { Recovery = new RecoveryWrap(set, k, n, Keys.WrapRoot(recovery), clock.GetUtcNow().UtcDateTime) };
                store.Save(keyStorePath);
            }

            return [.. shares.Select(s => new RecoveryShare(set, k, n, s))];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(recovery);
        }
    }

    /// <summary>Unlocks with recovery shares; a message says why not (another set, too few, or not enough right ones).</summary>
    public string? TryUnsealWithShares(IReadOnlyList<RecoveryShare> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        var recovery = Store.Recovery;
        if (recovery is null)
        {
            return "No recovery shares were ever made for these keys.";
        }

        var mine = shares.Where(s => s.SetId == recovery.SetId).DistinctBy(s => s.Share.X).ToList();
        if (mine.Count != shares.Count)
        {
            return "A share belongs to another set (made before the last set replaced it) or is given twice.";
        }

        if (mine.Count < recovery.K)
        {
            return $"{recovery.K} shares are needed; {mine.Count} given.";
        }

        var key = Shamir.Combine([.. mine.Select(s => s.Share)]);
        lock (gate)
        {
            try
            {
                var root = KeyRing.UnwrapRoot(key, recovery.WrappedRoot);
                keys?.Dispose();
                keys = new KeyRing(root, Store.DataKeyGenerations);
                CryptographicOperations.ZeroMemory(root);
                return null;
            }
            catch (CryptographicException)
            {
                return "The shares do not open the keys: one of them is wrong.";
            }
            finally
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }
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
        store = WithBackupKey(store, ring);
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

        if (Store.BackupPublicKey is null)
        {
            store = WithBackupKey(Store, keys);
            store.Save(keyStorePath);
        }
    }

    /// <summary>A key store with a backup key pair (stores made before backups get one at their next unseal).</summary>
    private static KeyStoreFile WithBackupKey(KeyStoreFile current, KeyRing ring)
    {
        using var pair = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var privateKey = pair.ExportPkcs8PrivateKey();
        var wrapKey = ring.Derive("backup", 1);
        try
        {
            return current with { BackupPublicKey = pair.ExportSubjectPublicKeyInfo(), BackupPrivateKey = Aead.Seal(wrapKey, privateKey, BackupAssociatedData) };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
            CryptographicOperations.ZeroMemory(wrapKey);
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
