using System.Security.Cryptography;

namespace Amanat.Core.Security;

/// <summary>One share of a split secret: its x (1–255) and one y byte per secret byte.</summary>
public sealed record ShamirShare(byte X, byte[] Y);

/// <summary>
/// Shamir's secret sharing over GF(256), byte by byte: each byte of the secret is the constant term of a
/// random polynomial of degree k − 1; share i is the polynomials' values at x = i. Any k shares give the
/// secret back (Lagrange interpolation at 0); fewer say nothing about it — every secret is equally
/// consistent with them. The one small primitive written here (security.md), tested exhaustively.
/// </summary>
internal static class Shamir
{
    public const int MaxShares = 255;

    /// <summary>Splits <paramref name="secret"/> into <paramref name="n"/> shares, any <paramref name="k"/> of which recover it.</summary>
    public static IReadOnlyList<ShamirShare> Split(ReadOnlySpan<byte> secret, int n, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, MaxShares);
        if (secret.IsEmpty)
        {
            throw new ArgumentException("Nothing to split.", nameof(secret));
        }

        var coefficients = new byte[k];
        var length = secret.Length;
        var shares = Enumerable.Range(1, n).Select(x => new ShamirShare((byte)x, new byte[length])).ToList();
        try
        {
            for (var i = 0; i < secret.Length; i++)
            {
                coefficients[0] = secret[i];
                RandomNumberGenerator.Fill(coefficients.AsSpan(1));
                foreach (var share in shares)
                {
                    share.Y[i] = Evaluate(coefficients, share.X);
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(coefficients);
        }

        return shares;
    }

    /// <summary>The secret from k shares (or more: any k of them would do; all are used).</summary>
    public static byte[] Combine(IReadOnlyList<ShamirShare> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count < 2)
        {
            throw new ArgumentException("At least two shares are needed.", nameof(shares));
        }

        var length = shares[0].Y.Length;
        if (shares.Any(s => s.X == 0 || s.Y.Length != length) || shares.Select(s => s.X).Distinct().Count() != shares.Count)
        {
            throw new ArgumentException("The shares are not from one split (a repeated or zero x, or different lengths).", nameof(shares));
        }

        // Lagrange basis at 0: l_j(0) = Π_{m≠j} x_m / (x_m − x_j); in GF(256) subtraction is XOR.
        var basis = new byte[shares.Count];
        for (var j = 0; j < shares.Count; j++)
        {
            byte value = 1;
            for (var m = 0; m < shares.Count; m++)
            {
                if (m != j)
                {
                    value = Gf256.Multiply(value, Gf256.Divide(shares[m].X, (byte)(shares[m].X ^ shares[j].X)));
                }
            }

            basis[j] = value;
        }

        var secret = new byte[length];
        for (var i = 0; i < length; i++)
        {
            byte sum = 0;
            for (var j = 0; j < shares.Count; j++)
            {
                sum ^= Gf256.Multiply(basis[j], shares[j].Y[i]);
            }

            secret[i] = sum;
        }

        return secret;
    }

    /// <summary>The polynomial at x (Horner's rule), coefficients from the constant term up.</summary>
    public static byte Evaluate(ReadOnlySpan<byte> coefficients, byte x)
    {
        byte result = 0;
        for (var i = coefficients.Length - 1; i >= 0; i--)
        {
            result = (byte)(Gf256.Multiply(result, x) ^ coefficients[i]);
        }

        return result;
    }
}

/// <summary>Arithmetic in GF(2^8) with the AES polynomial x^8 + x^4 + x^3 + x + 1, by log and exp tables (generator 3).</summary>
internal static class Gf256
{
    private static readonly byte[] Exp = new byte[510];
    private static readonly byte[] Log = new byte[256];

    static Gf256()
    {
        var x = 1;
        for (var i = 0; i < 255; i++)
        {
            Exp[i] = (byte)x;
            Log[x] = (byte)i;
            x = SlowMultiply((byte)x, 3);
        }

        for (var i = 255; i < Exp.Length; i++)
        {
            Exp[i] = Exp[i - 255];
        }
    }

    public static byte Multiply(byte a, byte b) => a == 0 || b == 0 ? (byte)0 : Exp[Log[a] + Log[b]];

    public static byte Divide(byte a, byte b)
    {
        if (b == 0)
        {
            throw new DivideByZeroException();
        }

        return a == 0 ? (byte)0 : Exp[Log[a] + 255 - Log[b]];
    }

    /// <summary>Shift-and-add multiplication, reducing by the AES polynomial: the definition the tables are checked against.</summary>
    public static byte SlowMultiply(byte a, byte b)
    {
        var product = 0;
        int left = a;
        for (var bit = 0; bit < 8; bit++)
        {
            if ((b & (1 << bit)) != 0)
            {
                product ^= left;
            }

            left <<= 1;
            if ((left & 0x100) != 0)
            {
                left ^= 0x11B;
            }
        }

        return (byte)product;
    }
}
