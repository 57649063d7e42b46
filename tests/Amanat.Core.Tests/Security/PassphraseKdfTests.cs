using System.Text;
using Amanat.Core.Security;

namespace Amanat.Core.Tests.Security;

/// <summary>The passphrase's stretching: libsodium's Argon2id for new key stores, and older stores (two lanes, managed code) still open.</summary>
public sealed class PassphraseKdfTests
{
    private const string Passphrase = "correct horse battery staple";
    private static readonly byte[] Salt = [.. Enumerable.Range(0, 16).Select(i => (byte)i)];

    [Fact]
    public void NewKeyStores_UseLibsodiumsOneLane_WithMoreMemoryThanBefore()
    {
        var kdf = KeyEncryptionKey.NewPassphraseKdf();

        Assert.Equal(1, kdf.Parallelism);
        Assert.Equal(128 * 1024, kdf.MemoryKiB);
        Assert.Equal(3, kdf.Iterations);
        Assert.Equal(16, kdf.Salt.Length);
    }

    [Fact]
    public void Libsodium_GivesTheSameArgon2idAsTheManagedImplementation()
    {
        var kdf = new PassphraseKdf(Salt, 8 * 1024, 2, 1);
        using var managed = new Konscious.Security.Cryptography.Argon2id(Encoding.UTF8.GetBytes(Passphrase))
        {
            Salt = Salt,
            MemorySize = kdf.MemoryKiB,
            Iterations = kdf.Iterations,
            DegreeOfParallelism = 1,
        };

        Assert.Equal(managed.GetBytes(32), KeyEncryptionKey.FromPassphrase(Passphrase, kdf));
    }

    [Fact]
    public void AKeyStoreWrittenBeforeLibsodium_TwoLanesAt64MiB_StillGivesItsKey()
    {
        // The key a store of the first release derived (64 MiB, 3 passes, 2 lanes), computed then.
        var old = new PassphraseKdf(Salt, 64 * 1024, 3, 2);

        Assert.Equal("C2B1508B0ADD7887A11A9A96F1A47225CB40BFA06E7570FF73A41418B2A15D61", Convert.ToHexString(KeyEncryptionKey.FromPassphrase(Passphrase, old)));
    }
}
