using System.Text;
using System.Xml.Linq;
using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Security;
using Amanat.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Amanat.Web.Keys;

/// <summary>
/// Wires the key hierarchy into the host: the vault, field encryption in the DbContext, the Data
/// Protection key ring encrypted under the root key (cookies cannot be forged from a copied disk), and
/// opening the vault at start.
/// </summary>
internal static class VaultSetup
{
    public static IServiceCollection AddAmanatKeys(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var data = sp.GetRequiredService<DataDirectory>();
            var configured = sp.GetRequiredService<IOptions<AmanatOptions>>().Value.Keys.KeyFile;
            var keyDirectory = data.Subdirectory("keys").FullName;
            var keyFile = string.IsNullOrWhiteSpace(configured) ? Path.Combine(keyDirectory, "amanat.key") : Path.GetFullPath(configured);
            return new KeyVault(Path.Combine(keyDirectory, KeyStoreFile.FileName), keyFile, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<FieldEncryptionInterceptor>();
        services.AddSingleton<UnlockThrottle>();
        services.AddSingleton<Sealing>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<KeyVault>((options, vault) => options.XmlEncryptor = new VaultXmlEncryptor(vault));
        return services;
    }

    /// <summary>Opens the vault after the database is ready: creates keys on the very first start, unseals with the key file, or stays sealed.</summary>
    public static async Task<VaultStart> OpenVaultAsync(IServiceProvider services, ILogger logger)
    {
        var vault = services.GetRequiredService<KeyVault>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AmanatDbContext>();
        var holdsData = await db.Users.AnyAsync() || await db.RecordKeys.AnyAsync();
        var start = vault.Open(mayCreate: !holdsData);
        switch (start)
        {
            case VaultStart.Created:
                await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditEventType.KeysCreated, AuditSource.System);
                logger.LogInformation("Keys created (key-file mode). Choose a passphrase for sealed mode at /staff/admin/keys.");
                break;
            case VaultStart.Unsealed:
                logger.LogInformation("Unsealed with the key file.");
                break;
            default:
                logger.LogWarning("Amanat is sealed. Unlock it at /staff/unlock or with the `unseal` command.");
                break;
        }

        return start;
    }
}

/// <summary>Encrypts Data Protection's keys (the keys of cookies and anti-forgery tokens) under a key derived from the root.</summary>
internal sealed class VaultXmlEncryptor(KeyVault vault) : IXmlEncryptor
{
    internal static ReadOnlySpan<byte> AssociatedData => "amanat:data-protection-key:v1"u8;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var key = vault.Keys.Derive("data-protection", 1);
        var sealedKey = Aead.Seal(key, Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)), AssociatedData);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
        var element = new XElement(
            "encryptedKey",
            new XComment(" AES-256-GCM under a key derived from Amanat's root key "),
            new XElement("value", Convert.ToBase64String(sealedKey)));
        return new EncryptedXmlInfo(element, typeof(VaultXmlDecryptor));
    }
}

/// <summary>Created by Data Protection for each stored key; throws <see cref="SealedException"/> while sealed.</summary>
internal sealed class VaultXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var vault = services.GetRequiredService<KeyVault>();
        var key = vault.Keys.Derive("data-protection", 1);
        try
        {
            var sealedKey = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? string.Empty);
            return XElement.Parse(Encoding.UTF8.GetString(Aead.Open(key, sealedKey, VaultXmlEncryptor.AssociatedData)));
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
        }
    }
}
