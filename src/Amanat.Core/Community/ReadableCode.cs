using System.Security.Cryptography;
using System.Text;

namespace Amanat.Core.Community;

/// <summary>
/// Short random codes a person can read aloud and type on any phone: 12 characters in three groups of
/// four (<c>K7PA-3XWD-RMCT</c>) from 23 letters and digits (19 and 4) with no look-alikes (no 0/O, 1/I/L, 2/Z,
/// 5/S, 8/B, 6/G). Typing is forgiving: case, spaces, dashes and Cyrillic letters that look Latin are all
/// accepted. About 54 bits: unguessable online behind rate limits.
/// </summary>
public static class ReadableCode
{
    public const string Alphabet = "ACDEFHJKMNPQRTUVWXY3479";
    public const int Length = 12;

    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['А'] = 'A', ['С'] = 'C', ['Е'] = 'E', ['Н'] = 'H', ['К'] = 'K', ['М'] = 'M', ['Р'] = 'P', ['Т'] = 'T',
        ['Х'] = 'X', ['У'] = 'Y', ['З'] = '3', ['Ч'] = '4',
    };

    public static string Create()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return Format(new string(chars));
    }

    /// <summary>The canonical 12 characters, or null when what was typed cannot be a code.</summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null || typed.Length > 64)
        {
            return null;
        }

        var builder = new StringBuilder(Length);
        foreach (var raw in typed.ToUpperInvariant())
        {
            if (raw is ' ' or '-' or '\u2010' or '\u2011' or '\u2013' or '\u2014' or '\u00A0' or '\t' or '.')
            {
                continue;
            }

            var c = LookAlikes.GetValueOrDefault(raw, raw);
            if (!Alphabet.Contains(c, StringComparison.Ordinal) || builder.Length == Length)
            {
                return null;
            }

            builder.Append(c);
        }

        return builder.Length == Length ? builder.ToString() : null;
    }

    /// <summary>Groups of four: <c>K7PA-3XWD-RMCT</c>.</summary>
    public static string Format(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return canonical.Length == Length ? $"{canonical[..4]}-{canonical[4..8]}-{canonical[8..]}" : canonical;
    }

    /// <summary>A plain SHA-256 of the canonical code, for what must be found while the server is sealed.</summary>
    public static byte[] Hash(string canonical, string purpose) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"amanat:{purpose}:{canonical}"));
}

/// <summary>Community access codes as typed, folded to their canonical form for the keyed index.</summary>
public sealed class AccessCodeNormaliser : Security.IIdentifierNormaliser
{
    public string Kind => "access-code";

    public string? Normalise(string raw) => ReadableCode.Normalise(raw);
}
