using System.Security.Cryptography;
using Amanat.Core.Community;
using Amanat.Core.Security;
using Amanat.Core.SelfReports;

namespace Amanat.Core.Tests.Community;

public sealed class SealedBoxAndCodesTests
{
    [Fact]
    public void ASealedBox_OpensOnlyWithThePrivateKey_TheSameAssociatedData_AndUnaltered()
    {
        using var recipient = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        using var stranger = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = recipient.ExportSubjectPublicKeyInfo();
        var box = SealedBox.Seal(publicKey, "Паспорт забрали"u8, "SelfReport:1"u8);
        var again = SealedBox.Seal(publicKey, "Паспорт забрали"u8, "SelfReport:1"u8);

        Assert.Equal("Паспорт забрали"u8.ToArray(), SealedBox.Open(recipient, box, "SelfReport:1"u8));
        Assert.NotEqual(box, again); // a fresh ephemeral key and nonce each time
        Assert.ThrowsAny<CryptographicException>(() => SealedBox.Open(stranger, box, "SelfReport:1"u8));
        Assert.ThrowsAny<CryptographicException>(() => SealedBox.Open(recipient, box, "SelfReport:2"u8));
        for (var i = 0; i < box.Length; i += 7)
        {
            var altered = (byte[])box.Clone();
            altered[i] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => SealedBox.Open(recipient, altered, "SelfReport:1"u8));
        }

        Assert.ThrowsAny<CryptographicException>(() => SealedBox.Open(recipient, box.AsSpan(0, 20), "SelfReport:1"u8));
    }

    [Fact]
    public void Codes_AreTwelveUnambiguousCharacters_AndTypingIsForgiving()
    {
        var codes = Enumerable.Range(0, 2_000).Select(_ => ReadableCode.Create()).ToList();
        Assert.All(codes, c => Assert.Matches("^[ACDEFHJKMNPQRTUVWXY3479]{4}-[ACDEFHJKMNPQRTUVWXY3479]{4}-[ACDEFHJKMNPQRTUVWXY3479]{4}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal("K7PA3XWDRMCT", ReadableCode.Normalise("k7pa 3xwd rmct"));
        Assert.Equal("K7PA3XWDRMCT", ReadableCode.Normalise(" К7РА-3ХWD-RМСТ ")); // Cyrillic К, Р, А, Х, М, С, Т
        Assert.Null(ReadableCode.Normalise("K7PA-3XWD-RMC"));
        Assert.Null(ReadableCode.Normalise("K7PA-3XWD-RMCT-A"));
        Assert.Null(ReadableCode.Normalise("K7PA-0XWD-RMCT")); // 0 is not in the alphabet
        Assert.Null(ReadableCode.Normalise(new string('A', 100)));
        Assert.NotEqual(ReadableCode.Hash("K7PA3XWDRMCT", "self-report"), ReadableCode.Hash("K7PA3XWDRMCT", "other"));
    }
}
