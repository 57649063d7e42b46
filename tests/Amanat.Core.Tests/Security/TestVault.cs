using Amanat.Core.Security;
using Microsoft.Extensions.Time.Testing;

namespace Amanat.Core.Tests.Security;

/// <summary>A key vault in a fresh owner-only directory, deleted afterwards.</summary>
public sealed class TestVault : IDisposable
{
    private readonly DirectoryInfo directory = System.IO.Directory.CreateTempSubdirectory("amanat-vault-");

    public TestVault()
    {
        Vault = Reopen();
        Vault.Open(mayCreate: true);
    }

    public string Directory => directory.FullName;

    public string KeyStorePath => Path.Combine(Directory, KeyStoreFile.FileName);

    public string KeyFilePath => Path.Combine(Directory, "amanat.key");

    public KeyVault Vault { get; private set; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    /// <summary>A new vault object on the same files, as after a restart (not yet opened).</summary>
    public KeyVault Reopen()
    {
        Vault = new KeyVault(KeyStorePath, KeyFilePath, Clock);
        return Vault;
    }

    public void Dispose()
    {
        Vault.Dispose();
        directory.Delete(recursive: true);
    }
}
