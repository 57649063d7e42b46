using System.Security.Cryptography;
using Amanat.Core.Security;

namespace Amanat.Core.Tests.Security;

public sealed class KeyVaultTests : IDisposable
{
    private const string Passphrase = "four ordinary words together";
    private readonly TestVault test = new();

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void FirstOpen_CreatesAKeyStoreAndAKeyFile_OwnerOnly_AndIsUnsealed()
    {
        Assert.False(test.Vault.IsSealed);
        Assert.Equal(UnlockMode.KeyFile, test.Vault.Mode);
        Assert.Equal(KeyEncryptionKey.KeyFileSize, new FileInfo(test.KeyFilePath).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(test.KeyFilePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(test.KeyStorePath));
    }

    [Fact]
    public void Restart_InKeyFileMode_UnsealsWithTheKeyFile_AndDerivesTheSameKeys()
    {
        var before = test.Vault.Keys.Derive("index:phone", 1);
        var dataKey = test.Vault.Keys.DataClassKey(DataClasses.Member, 1);

        var vault = test.Reopen();

        Assert.Equal(VaultStart.Unsealed, vault.Open(mayCreate: false));
        Assert.Equal(before, vault.Keys.Derive("index:phone", 1));
        Assert.Equal(dataKey, vault.Keys.DataClassKey(DataClasses.Member, 1));
    }

    [Fact]
    public void ANewDataKeyGeneration_IsKeptInTheStore_BothOpenUntilTheOldOneIsDestroyed_ThenOnlyTheNewOne()
    {
        var oldKey = test.Vault.Keys.DataClassKey(DataClasses.Member, 1);

        var version = test.Vault.AddDataKeyGeneration();

        Assert.Equal(2, version);
        Assert.Equal(2, test.Vault.Keys.CurrentDataVersion);
        Assert.NotEqual(oldKey, test.Vault.Keys.DataClassKey(DataClasses.Member, 2));
        var reopened = test.Reopen();
        Assert.Equal(VaultStart.Unsealed, reopened.Open(mayCreate: false));
        Assert.Equal([1, 2], reopened.DataKeyVersions);
        Assert.Equal(oldKey, reopened.Keys.DataClassKey(DataClasses.Member, 1));
        Assert.Throws<InvalidOperationException>(() => test.Vault.DestroyGeneration(2));

        test.Vault.DestroyGeneration(1);

        Assert.Equal([2], test.Vault.DataKeyVersions);
        Assert.Throws<CryptographicException>(() => test.Vault.Keys.DataClassKey(DataClasses.Member, 1));
        var afterwards = test.Reopen();
        Assert.Equal(VaultStart.Unsealed, afterwards.Open(mayCreate: false));
        Assert.Throws<CryptographicException>(() => afterwards.Keys.DataClassKey(DataClasses.Member, 1));
        Assert.Equal(test.Vault.Keys.DataClassKey(DataClasses.Member, 2), afterwards.Keys.DataClassKey(DataClasses.Member, 2));
    }

    [Fact]
    public void ARecordKey_RewrappedUnderTheNewGeneration_OpensToTheSameKey()
    {
        var owner = Guid.NewGuid();
        var key = RandomNumberGenerator.GetBytes(KeyRing.KeySize);
        var wrapping = test.Vault.Keys.DataClassKey(DataClasses.Incident, 1);
        var row = new RecordKey(owner, DataClasses.Incident, 1, Aead.Seal(wrapping, key, RecordKey.AssociatedData(owner, DataClasses.Incident)), DateTime.UtcNow);
        var old = new RecordKey(owner, DataClasses.Incident, 1, row.WrappedKey, row.CreatedAtUtc);
        test.Vault.AddDataKeyGeneration();

        row.Rewrap(test.Vault.Keys);
        test.Vault.DestroyGeneration(1);

        Assert.Equal(2, row.Version);
        Assert.Equal(key, row.Unwrap(test.Vault.Keys));
        Assert.Throws<CryptographicException>(() => old.Unwrap(test.Vault.Keys));
    }

    [Fact]
    public void Passphrase_MakesTheServerStartSealed_OnlyTheRightPassphraseOpensIt_AndTheKeysStayTheSame()
    {
        var before = test.Vault.Keys.Derive("audit", 1);
        test.Vault.UsePassphrase(Passphrase);
        Assert.False(File.Exists(test.KeyFilePath));

        var vault = test.Reopen();
        Assert.Equal(VaultStart.Sealed, vault.Open(mayCreate: false));
        Assert.True(vault.IsSealed);
        Assert.Throws<SealedException>(() => vault.Keys);
        Assert.False(vault.TryUnseal("four ordinary words togethe"));
        Assert.True(vault.IsSealed);
        Assert.True(vault.TryUnseal(Passphrase));
        Assert.Equal(before, vault.Keys.Derive("audit", 1));
    }

    [Fact]
    public void BackToKeyFile_ReWrapsTheSameRoot_AndStartsUnsealedAgain()
    {
        var before = test.Vault.Keys.DataClassKey(DataClasses.Incident, 1);
        test.Vault.UsePassphrase(Passphrase);
        test.Vault.UseKeyFile();

        var vault = test.Reopen();

        Assert.Equal(VaultStart.Unsealed, vault.Open(mayCreate: false));
        Assert.Equal(UnlockMode.KeyFile, vault.Mode);
        Assert.Equal(before, vault.Keys.DataClassKey(DataClasses.Incident, 1));
    }

    [Fact]
    public void MissingKeyFile_InKeyFileMode_StartsSealed()
    {
        File.Delete(test.KeyFilePath);
        var vault = test.Reopen();

        Assert.Equal(VaultStart.Sealed, vault.Open(mayCreate: false));
        Assert.False(vault.TryUnseal(Passphrase));
        Assert.False(vault.TryUnsealWithKeyFile());
    }

    [Fact]
    public void MissingKeyStore_WhenTheDatabaseHoldsData_IsAnError_NotNewKeys()
    {
        File.Delete(test.KeyStorePath);
        var vault = test.Reopen();

        var error = Assert.Throws<InvalidOperationException>(() => vault.Open(mayCreate: false));
        Assert.Contains("backup", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(test.KeyStorePath));
    }

    [Fact]
    public void Seal_DropsTheKeys_AndAKeyRingHeldBeforeCannotDeriveAfterwards()
    {
        var ring = test.Vault.Keys;
        test.Vault.Seal();

        Assert.True(test.Vault.IsSealed);
        Assert.Throws<SealedException>(() => test.Vault.Keys);
        Assert.Throws<SealedException>(() => ring.Derive("audit", 1));
        Assert.True(test.Vault.TryUnsealWithKeyFile());
    }

    [Fact]
    public void KeyStore_HoldsNeitherThePassphraseNorTheRootKey()
    {
        test.Vault.UsePassphrase(Passphrase);
        var content = File.ReadAllText(test.KeyStorePath);

        Assert.DoesNotContain(Passphrase, content, StringComparison.Ordinal);
        Assert.Contains("\"mode\": \"passphrase\"", content, StringComparison.Ordinal);
        Assert.Contains("\"memoryKiB\": 131072", content, StringComparison.Ordinal);
    }

    [Fact]
    public void AlteredWrappedRoot_DoesNotOpen()
    {
        test.Vault.UsePassphrase(Passphrase);
        var store = KeyStoreFile.Load(test.KeyStorePath)!;
        store.WrappedRoot[20] ^= 1;
        store.Save(test.KeyStorePath);

        var vault = test.Reopen();
        vault.Open(mayCreate: false);

        Assert.False(vault.TryUnseal(Passphrase));
    }

    [Fact]
    public void PassphraseShorterThan16_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => test.Vault.UsePassphrase("too short phrase"[..15]));
        Assert.Equal(UnlockMode.KeyFile, test.Vault.Mode);
    }

    [Fact]
    public void SelfReportKeyPair_PublicHalfUsableWhileSealed_PrivateHalfOpensWithTheRoot()
    {
        using var sender = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        using var recipient = ECDiffieHellman.Create();
        test.Vault.Seal();
        recipient.ImportSubjectPublicKeyInfo(test.Vault.SelfReportPublicKey, out _);
        var shared = sender.DeriveKeyMaterial(recipient.PublicKey);

        Assert.Throws<SealedException>(() => test.Vault.SelfReportPrivateKey());
        Assert.True(test.Vault.TryUnsealWithKeyFile());
        using var privateKey = test.Vault.SelfReportPrivateKey();
        Assert.Equal(shared, privateKey.DeriveKeyMaterial(sender.PublicKey));
        Assert.DoesNotContain(Convert.ToBase64String(privateKey.ExportPkcs8PrivateKey()), File.ReadAllText(test.KeyStorePath), StringComparison.Ordinal);
    }

    public void Dispose() => test.Dispose();
}
