using System.Security.Cryptography;
using Amanat.Core.Security;

namespace Amanat.Core.Tests.Security;

/// <summary>GF(256) and Shamir's split, exhaustively where the field is small enough; the printed share sheets.</summary>
public sealed class ShamirTests
{
    [Fact]
    public void TheFieldTables_AgreeWithTheDefinition_ForEveryPair_AndEveryNonZeroHasAnInverse()
    {
        for (var a = 0; a < 256; a++)
        {
            for (var b = 0; b < 256; b++)
            {
                var product = Gf256.Multiply((byte)a, (byte)b);
                Assert.Equal(Gf256.SlowMultiply((byte)a, (byte)b), product);
                Assert.Equal(product, Gf256.Multiply((byte)b, (byte)a));
                if (b != 0)
                {
                    Assert.Equal(a, Gf256.Divide(product, (byte)b));
                }
            }

            if (a != 0)
            {
                Assert.Equal(1, Gf256.Multiply((byte)a, Gf256.Divide(1, (byte)a)));
            }
        }

        Assert.Throws<DivideByZeroException>(() => Gf256.Divide(1, 0));
    }

    [Fact]
    public void MultiplicationDistributesOverAddition_ForEveryTriple()
    {
        for (var a = 0; a < 256; a++)
        {
            for (var b = 0; b < 256; b++)
            {
                var ab = Gf256.Multiply((byte)a, (byte)b);
                for (var c = 0; c < 256; c++)
                {
                    if (Gf256.Multiply((byte)a, (byte)(b ^ c)) != (ab ^ Gf256.Multiply((byte)a, (byte)c)))
                    {
                        Assert.Fail($"a·(b+c) ≠ a·b + a·c for {a}, {b}, {c}");
                    }
                }
            }
        }
    }

    [Fact]
    public void EveryKSubsetOfEverySplit_RecoversTheSecret_AndFewerDoNot()
    {
        for (var n = 2; n <= 7; n++)
        {
            for (var k = 2; k <= n; k++)
            {
                var secret = RandomNumberGenerator.GetBytes(32);
                var shares = Shamir.Split(secret, n, k);
                Assert.Equal(n, shares.Count);
                Assert.Equal(Enumerable.Range(1, n).Select(x => (byte)x), shares.Select(s => s.X));
                for (var mask = 1; mask < 1 << n; mask++)
                {
                    var subset = shares.Where((_, i) => (mask & (1 << i)) != 0).ToList();
                    if (subset.Count < 2)
                    {
                        continue;
                    }

                    var combined = Shamir.Combine(subset);
                    if (subset.Count >= k)
                    {
                        Assert.Equal(secret, combined);
                    }
                    else
                    {
                        Assert.NotEqual(secret, combined); // fails with probability 2^-256
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(new byte[] { 1 })]
    [InlineData(new byte[] { 200 })]
    [InlineData(new byte[] { 1, 2 })]
    [InlineData(new byte[] { 7, 255 })]
    [InlineData(new byte[] { 3, 128 })]
    public void KMinusOneShares_RevealNothing_EverySecretGivesEveryShareValuesExactlyOnce(byte[] xs)
    {
        // A split with threshold k = |xs| + 1: for each secret byte s, the map from the k − 1 random
        // coefficients to the shares at xs is a bijection, so the shares are uniform whatever s is.
        var k = xs.Length + 1;
        var combinations = 1 << (8 * (k - 1));
        var coefficients = new byte[k];
        var seen = new bool[combinations];
        for (var s = 0; s < 256; s++)
        {
            Array.Clear(seen);
            coefficients[0] = (byte)s;
            for (var c = 0; c < combinations; c++)
            {
                for (var i = 1; i < k; i++)
                {
                    coefficients[i] = (byte)(c >> (8 * (i - 1)));
                }

                var tuple = 0;
                for (var i = 0; i < xs.Length; i++)
                {
                    tuple |= Shamir.Evaluate(coefficients, xs[i]) << (8 * i);
                }

                // Checked with a plain if: Assert.False's message would be formatted 33 million times.
                if (seen[tuple])
                {
                    Assert.Fail($"secret {s}: two polynomials give the same shares");
                }

                seen[tuple] = true;
            }
        }
    }

    [Fact]
    public void SplitAndCombine_RefuseWhatCannotWork()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Shamir.Split(new byte[32], 3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Shamir.Split(new byte[32], 3, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Shamir.Split(new byte[32], 256, 3));
        var shares = Shamir.Split(new byte[32], 3, 2);
        Assert.Throws<ArgumentException>(() => Shamir.Combine([shares[0], shares[0]]));
        Assert.Throws<ArgumentException>(() => Shamir.Combine([shares[0]]));
    }

    [Fact]
    public void ASheet_ReadsBackAsWritten_EvenTypedInLowerCaseWithoutSpaces()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var set = RecoverySheet.NewSetId();
        var sheets = Shamir.Split(secret, 5, 3).Select(s => RecoverySheet.Write(new RecoveryShare(set, 3, 5, s))).ToList();
        Assert.Contains("SHARE 2/5 NEED 3", sheets[1], StringComparison.Ordinal);

        // Typed back by hand: lower case, the line's letters run together, no explanations.
        var typed = string.Join('\n', sheets[4].Split('\n').Where(l => !l.StartsWith('#')).Select(l =>
            l.StartsWith('L') ? l[..3].ToLowerInvariant() + l[3..].Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant() : l.ToLowerInvariant()));
        var read = new[] { RecoverySheet.Read(sheets[0]), RecoverySheet.Read(sheets[2]), RecoverySheet.Read(typed) };
        Assert.All(read, r => Assert.Equal((set, 3, 5), (r.SetId, r.K, r.N)));
        Assert.Equal(secret, Shamir.Combine([.. read.Select(r => r.Share)]));
    }

    [Fact]
    public void ATypingMistake_IsFoundOnItsLine_AndAMissingLineByTheCheck()
    {
        var share = new RecoveryShare(RecoverySheet.NewSetId(), 2, 3, Shamir.Split(RandomNumberGenerator.GetBytes(32), 3, 2)[0]);
        var lines = RecoverySheet.Write(share).Split('\n').ToList();
        var second = lines.FindIndex(l => l.StartsWith("L2 ", StringComparison.Ordinal));
        var wrong = lines.ToList();
        wrong[second] = "L2 " + (wrong[second][3] == 'A' ? 'B' : 'A') + wrong[second][4..];
        Assert.Equal("Line L2 has a typing mistake.", Assert.Throws<FormatException>(() => RecoverySheet.Read(string.Join('\n', wrong))).Message);

        var missing = lines.Where((_, i) => i != second).ToList();
        Assert.Contains("L2", Assert.Throws<FormatException>(() => RecoverySheet.Read(string.Join('\n', missing))).Message, StringComparison.Ordinal);
        var noLast = lines.Where(l => !l.StartsWith("L4", StringComparison.Ordinal)).ToList();
        Assert.Contains("CHECK", Assert.Throws<FormatException>(() => RecoverySheet.Read(string.Join('\n', noLast))).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => RecoverySheet.Read("hello"));
    }
}
