using System.Text;
using Amanat.Core.Security;

namespace Amanat.Core.Identifiers;

/// <summary>
/// Vehicle plates as one string of capital Latin letters and digits: Kazakh current (<c>123 ABC 02</c>) and
/// older formats alike; Cyrillic letters that look like Latin ones folded (А→A, В→B, Е→E, К→K, М→M, Н→H,
/// О→O, Р→P, С→C, Т→T, У→Y, Х→X); case, spaces, dashes and dots removed. The region code stays part of the
/// plate, so the same letters in another region do not match. Digits and letters are never swapped (0≠O).
/// </summary>
public sealed class PlateNormaliser : IIdentifierNormaliser
{
    public string Kind => "plate";

    public string? Normalise(string raw)
    {
        var result = LookAlikes.ToLatin(raw);
        return result.Length >= 3 ? result : null;
    }
}

/// <summary>Badge numbers: letters and digits only, look-alike Cyrillic letters folded to Latin.</summary>
internal sealed class BadgeNormaliser : IIdentifierNormaliser
{
    public string Kind => "badge";

    public string? Normalise(string raw)
    {
        var result = LookAlikes.ToLatin(raw);
        return result.Length >= 2 ? result : null;
    }
}

internal static class LookAlikes
{
    private static readonly Dictionary<char, char> CyrillicToLatin = new()
    {
        ['А'] = 'A', ['В'] = 'B', ['Е'] = 'E', ['К'] = 'K', ['М'] = 'M', ['Н'] = 'H', ['О'] = 'O',
        ['Р'] = 'P', ['С'] = 'C', ['Т'] = 'T', ['У'] = 'Y', ['Х'] = 'X', ['Ү'] = 'Y', ['І'] = 'I',
    };

    /// <summary>Upper case, Cyrillic look-alikes folded, everything but letters and digits removed.</summary>
    public static string ToLatin(string raw)
    {
        // "№" would become "No" under NFKC: it is a sign, not part of the number.
        var text = raw.Replace('№', ' ').Normalize(NormalizationForm.FormKC).ToUpperInvariant();
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var folded = CyrillicToLatin.GetValueOrDefault(c, c);
            if (char.IsAsciiLetterUpper(folded) || char.IsAsciiDigit(folded) || (char.IsLetter(folded) && folded > 127))
            {
                builder.Append(folded);
            }
        }

        return builder.ToString();
    }
}
