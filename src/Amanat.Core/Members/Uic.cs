using System.Globalization;
using System.Text;
using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Members;

/// <summary>Sex as the regional HIV-programme UIC codes it: 1 male, 2 female.</summary>
public enum UicSex
{
    Female = 2,
    Male = 1,
}

/// <summary>What a member tells so that her UIC can be computed. None of it is stored.</summary>
public sealed record UicParts(UicSex? Sex, int? BirthYear, string? MotherName, string? FatherName)
{
    public bool IsEmpty => Sex is null && string.IsNullOrWhiteSpace(MotherName) && string.IsNullOrWhiteSpace(FatherName);
}

/// <summary>
/// The unique identifier code of the regional HIV programmes, computed from parts a member can always
/// repeat (sex, year of birth, the first letters of her mother's and father's first names) so that the
/// same woman gets the same code at any centre without giving a name. The formula is configurable:
/// <c>{M2}</c> the first two letters of the mother's first name (<c>{M1}</c>…<c>{M3}</c>), <c>{F2}</c> the
/// father's, <c>{S}</c> the sex digit, <c>{YY}</c> or <c>{YYYY}</c> the year of birth. Names written in
/// Cyrillic (Russian, Kazakh, Uzbek) or Latin (Uzbek, Kazakh, Russian transliteration) are first folded to
/// one Latin form, so "Шахноза", "Shahnoza" and "Şahnoza" give the same letters. Only a keyed hash of the
/// code is stored (<see cref="UicNormaliser"/>).
/// </summary>
public static class Uic
{
    public const string DefaultFormula = "{M2}{F2}{S}{YY}";

    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['А'] = "A", ['Ә'] = "A", ['Б'] = "B", ['В'] = "V", ['Г'] = "G", ['Ғ'] = "G", ['Д'] = "D", ['Е'] = "E", ['Ё'] = "YO",
        ['Ж'] = "J", ['З'] = "Z", ['И'] = "I", ['Й'] = "Y", ['І'] = "I", ['К'] = "K", ['Қ'] = "K", ['Л'] = "L", ['М'] = "M",
        ['Н'] = "N", ['Ң'] = "N", ['О'] = "O", ['Ө'] = "O", ['Ў'] = "O", ['П'] = "P", ['Р'] = "R", ['С'] = "S", ['Т'] = "T",
        ['У'] = "U", ['Ұ'] = "U", ['Ү'] = "U", ['Ф'] = "F", ['Х'] = "H", ['Һ'] = "H", ['Ҳ'] = "H", ['Ц'] = "TS", ['Ч'] = "CH",
        ['Ш'] = "SH", ['Щ'] = "SH", ['Ъ'] = string.Empty, ['Ы'] = "I", ['Ь'] = string.Empty, ['Э'] = "E", ['Ю'] = "YU", ['Я'] = "YA",
        ['Ҷ'] = "J", ['Ӣ'] = "I", ['Ӯ'] = "U",
    };

    /// <summary>Latin letters with a meaning beyond their base letter (Turkmen, Turkish-style Kazakh spellings).</summary>
    private static readonly Dictionary<char, string> LatinSpecial = new()
    {
        ['Ş'] = "SH", ['Š'] = "SH", ['Ç'] = "CH", ['Č'] = "CH", ['Ž'] = "J", ['İ'] = "I",
    };

    /// <summary>Checks a formula: known tokens only, and at least the two names and the year.</summary>
    public static bool IsValidFormula(string? formula)
    {
        if (string.IsNullOrWhiteSpace(formula))
        {
            return false;
        }

        var tokens = Tokens(formula).ToList();
        return tokens.All(t => t.IsLiteral || Known(t.Text))
            && tokens.Any(t => t.Text.StartsWith('M')) && tokens.Any(t => t.Text.StartsWith('F')) && tokens.Any(t => t.Text.StartsWith('Y'));
    }

    /// <summary>The code, or null when a part the formula needs is missing or has no letter.</summary>
    public static string? Compose(UicParts parts, string formula)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (!IsValidFormula(formula))
        {
            throw new DomainException("Uic.Error.Formula");
        }

        var code = new StringBuilder();
        foreach (var token in Tokens(formula))
        {
            if (token.IsLiteral)
            {
                code.Append(token.Text);
                continue;
            }

            string? value = token.Text switch
            {
                "S" => parts.Sex is { } sex ? ((int)sex).ToString(CultureInfo.InvariantCulture) : null,
                "YY" => parts.BirthYear is { } y ? (y % 100).ToString("00", CultureInfo.InvariantCulture) : null,
                "YYYY" => parts.BirthYear?.ToString("0000", CultureInfo.InvariantCulture),
                _ => Letters(token.Text[0] == 'M' ? parts.MotherName : parts.FatherName, token.Text[1] - '0'),
            };
            if (value is null)
            {
                return null;
            }

            code.Append(value);
        }

        return code.ToString();
    }

    /// <summary>A name folded to upper-case Latin letters only: Cyrillic transliterated, diacritics and apostrophes gone, KH/X→H, ZH→J, Q→K, W→V.</summary>
    public static string Fold(string? name)
    {
        var folded = new StringBuilder();
        var latin = new StringBuilder();
        void FlushLatin()
        {
            folded.Append(latin.ToString().Replace("KH", "H", StringComparison.Ordinal).Replace("ZH", "J", StringComparison.Ordinal)
                .Replace('X', 'H').Replace('Q', 'K').Replace('W', 'V'));
            latin.Clear();
        }

        foreach (var c in (name ?? string.Empty).Normalize(NormalizationForm.FormC).ToUpperInvariant())
        {
            if (Cyrillic.TryGetValue(c, out var cyrillic))
            {
                FlushLatin();
                folded.Append(cyrillic);
            }
            else if (LatinSpecial.TryGetValue(c, out var special))
            {
                latin.Append(special);
            }
            else if (char.IsLetter(c))
            {
                foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
                {
                    if (part is >= 'A' and <= 'Z')
                    {
                        latin.Append(part);
                    }
                }
            }
        }

        FlushLatin();
        return folded.ToString();
    }

    private static string? Letters(string? name, int count)
    {
        var folded = Fold(name);
        return folded.Length >= count ? folded[..count] : null;
    }

    private static bool Known(string token) =>
        token is "S" or "YY" or "YYYY" or "M1" or "M2" or "M3" or "F1" or "F2" or "F3";

    private static IEnumerable<(string Text, bool IsLiteral)> Tokens(string formula)
    {
        var i = 0;
        while (i < formula.Length)
        {
            var open = formula.IndexOf('{', i);
            if (open < 0)
            {
                yield return (formula[i..], true);
                yield break;
            }

            if (open > i)
            {
                yield return (formula[i..open], true);
            }

            var close = formula.IndexOf('}', open);
            if (close < 0)
            {
                yield return ("{", false); // unknown token: the formula is invalid
                yield break;
            }

            yield return (formula[(open + 1)..close], false);
            i = close + 1;
        }
    }
}

/// <summary>The UIC's blind index: the code as composed (already folded), under its own key.</summary>
public sealed class UicNormaliser : IIdentifierNormaliser
{
    public string Kind => "uic";

    public string? Normalise(string raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim().ToUpperInvariant();
}
