using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Amanat.Core.Security;

/// <summary>A recovery share with what is needed to use it: which split it belongs to, how many there are, how many open.</summary>
public sealed record RecoveryShare(string SetId, int K, int N, ShamirShare Share);

/// <summary>
/// A recovery share as a sheet to print and keep: the set, "share x of n, any k open", and the share in
/// base32 on short lines, each line with a two-letter check so a typing mistake is found at the line
/// where it is; a last check over the whole share. Lines starting with <c>#</c> are explanations.
/// </summary>
public static partial class RecoverySheet
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const int LineLength = 16;

    public static string Write(RecoveryShare share)
    {
        ArgumentNullException.ThrowIfNull(share);
        var text = new StringBuilder();
        text.AppendLine("# AMANAT RECOVERY SHARE — keep it safe and apart from the other shares.");
        text.AppendLine(CultureInfo.InvariantCulture, $"# Any {share.K} of the {share.N} shares of this set, with a backup, open the keys on a new machine:");
        text.AppendLine("#   amanat restore <backup file> --share <this file> --share <another> ...");
        text.AppendLine(CultureInfo.InvariantCulture, $"SET {share.SetId[..4]}-{share.SetId[4..]} SHARE {share.Share.X}/{share.N} NEED {share.K}");
        var body = Base32(share.Share.Y);
        for (var line = 0; line * LineLength < body.Length; line++)
        {
            var part = body.Substring(line * LineLength, Math.Min(LineLength, body.Length - (line * LineLength)));
            var grouped = string.Join(' ', Enumerable.Range(0, (part.Length + 3) / 4).Select(g => part.Substring(g * 4, Math.Min(4, part.Length - (g * 4)))));
            text.AppendLine(CultureInfo.InvariantCulture, $"L{line + 1} {grouped}  {Check(share, line + 1, part, 2)}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"CHECK {Check(share, 0, body, 4)}");
        return text.ToString();
    }

    /// <summary>Reads a sheet as typed or scanned back; a precise message when it cannot.</summary>
    public static RecoveryShare Read(string sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        RecoveryShare? header = null;
        var body = new StringBuilder();
        string? check = null;
        var expectedLine = 1;
        foreach (var raw in sheet.Split('\n'))
        {
            var line = raw.Trim().ToUpperInvariant();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (HeaderPattern().Match(line) is { Success: true } h)
            {
                var (x, n, k) = (int.Parse(h.Groups["x"].Value, CultureInfo.InvariantCulture), int.Parse(h.Groups["n"].Value, CultureInfo.InvariantCulture), int.Parse(h.Groups["k"].Value, CultureInfo.InvariantCulture));
                if (x is < 1 or > Shamir.MaxShares || n < x || k < 2 || k > n)
                {
                    throw new FormatException("The SET line does not make sense (share, count or need).");
                }

                header = new RecoveryShare(h.Groups["a"].Value + h.Groups["b"].Value, k, n, new ShamirShare((byte)x, []));
            }
            else if (LinePattern().Match(line) is { Success: true } l)
            {
                if (header is null)
                {
                    throw new FormatException("The SET line must come first.");
                }

                var number = int.Parse(l.Groups["n"].Value, CultureInfo.InvariantCulture);
                var letters = l.Groups["text"].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
                if (number != expectedLine || letters.Length < 3)
                {
                    throw new FormatException($"Line L{expectedLine} is missing or out of order.");
                }

                var (part, sum) = (letters[..^2], letters[^2..]);
                if (Check(header, number, part, 2) != sum)
                {
                    throw new FormatException($"Line L{number} has a typing mistake.");
                }

                body.Append(part);
                expectedLine++;
            }
            else if (line.StartsWith("CHECK ", StringComparison.Ordinal))
            {
                check = line[6..].Trim();
            }
            else
            {
                throw new FormatException($"A line is not part of a recovery share: \"{(line.Length > 20 ? line[..20] + "…" : line)}\".");
            }
        }

        if (header is null || body.Length == 0 || check is null)
        {
            throw new FormatException("This is not a whole recovery share (its SET line, lines or CHECK are missing).");
        }

        if (Check(header, 0, body.ToString(), 4) != check)
        {
            throw new FormatException("The share's CHECK does not match: a line is missing or wrong.");
        }

        return header with { Share = new ShamirShare(header.Share.X, FromBase32(body.ToString())) };
    }

    public static string NewSetId() => Base32(RandomNumberGenerator.GetBytes(5));

    private static string Check(RecoveryShare share, int line, string text, int letters)
    {
        var input = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{share.SetId}|{share.Share.X}|{share.N}|{share.K}|{line}|{text}"));
        return Base32(SHA256.HashData(input))[..letters];
    }

    private static string Base32(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder((data.Length * 8 / 5) + 1);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }

    private static byte[] FromBase32(string text)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"\"{c}\" is not a letter of a recovery share (A–Z, 2–7).");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"^SET\s+(?<a>[A-Z2-7]{4})-?(?<b>[A-Z2-7]{4})\s+SHARE\s+(?<x>\d{1,3})\s*/\s*(?<n>\d{1,3})\s+NEED\s+(?<k>\d{1,3})$")]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"^L(?<n>\d{1,2})\s+(?<text>[A-Z2-7 ]+)$")]
    private static partial Regex LinePattern();
}
