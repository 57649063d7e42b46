using System.Security.Cryptography;
using Amanat.Core.Security;

namespace Amanat.Core.Tests.Security;

public sealed class FieldCipherTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly FieldContext Context = new("Member", "WorkingName", Guid.CreateVersion7());

    [Fact]
    public void Encrypt_CarriesItsKeyVersion_AndDecryptsWithTheSameContext()
    {
        var stored = FieldCipher.Encrypt(Key, 3, "Гүлнар", Context);

        Assert.StartsWith("v3.", stored, StringComparison.Ordinal);
        Assert.Equal(3, FieldCipher.VersionOf(stored));
        Assert.Equal("Гүлнар", FieldCipher.Decrypt(Key, stored, Context));
    }

    [Theory]
    [InlineData("Incident", "WorkingName")]
    [InlineData("Member", "Notes")]
    public void OtherEntityOrField_DoesNotDecrypt(string entity, string field)
    {
        var stored = FieldCipher.Encrypt(Key, 1, "value", Context);

        Assert.ThrowsAny<CryptographicException>(() => FieldCipher.Decrypt(Key, stored, Context with { Entity = entity, Field = field }));
        Assert.ThrowsAny<CryptographicException>(() => FieldCipher.Decrypt(Key, stored, new FieldContext("Member", "WorkingName", Guid.CreateVersion7())));
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("x.abc")]
    [InlineData("v1.")]
    [InlineData("v1.AAAA")]
    public void MalformedOrTruncatedValues_AreRefused(string stored) =>
        Assert.ThrowsAny<Exception>(() => FieldCipher.Decrypt(Key, stored, Context));

    [Fact]
    public void OneFlippedBit_IsDetected()
    {
        var stored = FieldCipher.Encrypt(Key, 1, "value", Context);
        var bytes = Convert.FromBase64String(stored[3..]);
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => FieldCipher.Decrypt(Key, "v1." + Convert.ToBase64String(bytes), Context));
    }

    [Fact]
    public void BlindIndex_IsKeyedPerKind_AndEqualForEqualNormalisedValues()
    {
        using var vault = new TestVault();
        var keys = vault.Vault.Keys;
        var text = new CaseFoldedText();

        Assert.Equal(BlindIndex.Compute(keys, text, " Aigul "), BlindIndex.Compute(keys, text, "AIGUL"));
        Assert.NotEqual(BlindIndex.Compute(keys, text, "Aigul"), BlindIndex.Compute(keys, new OtherKind(), "Aigul"));
        Assert.NotEqual(HMACSHA256.HashData(new byte[32], "AIGUL"u8.ToArray()), BlindIndex.Compute(keys, text, "Aigul"));
        Assert.Null(BlindIndex.Compute(keys, text, "   "));
        Assert.Equal(BlindIndex.Size, BlindIndex.Compute(keys, text, "x")!.Length);
    }

    private sealed class OtherKind : IIdentifierNormaliser
    {
        public string Kind => "other";

        public string? Normalise(string raw) => raw.Trim().ToUpperInvariant();
    }
}
