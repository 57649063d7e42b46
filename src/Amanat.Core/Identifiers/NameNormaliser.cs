using System.Text;
using Amanat.Core.Security;

namespace Amanat.Core.Identifiers;

/// <summary>
/// Names and nicknames in one Latin spelling, so that "Қайрат", "Кайрат", "Kairat" and "Qayrat" match:
/// Russian, Kazakh and Uzbek Cyrillic transliterated; Uzbek Latin apostrophes (oʻ, gʻ) dropped; then the
/// spellings that differ between the languages folded (Q→K, X→H, ZH→J, KH→H, Y→I, W→V); case and
/// punctuation removed, words kept apart by one space.
/// </summary>
internal sealed class NameNormaliser : IIdentifierNormaliser
{
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu",
        ['я'] = "ya",
        // Kazakh
        ['ә'] = "a", ['ғ'] = "g", ['қ'] = "k", ['ң'] = "n", ['ө'] = "o", ['ұ'] = "u", ['ү'] = "u", ['һ'] = "h", ['і'] = "i",
        // Uzbek Cyrillic
        ['ў'] = "o", ['ҳ'] = "h",
    };

    private static readonly (string From, string To)[] Folds = [("ZH", "J"), ("KH", "H"), ("Q", "K"), ("X", "H"), ("W", "V"), ("Y", "I")];

    public string Kind => "name";

    public string? Normalise(string raw)
    {
        var latin = new StringBuilder();
        foreach (var c in raw.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            if (Cyrillic.TryGetValue(c, out var spelled))
            {
                latin.Append(spelled);
            }
            else if (char.IsAsciiLetterLower(c))
            {
                latin.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c == '-')
            {
                latin.Append(' ');
            }

            // Anything else (ʻ ʼ ' ` digits, punctuation) is dropped.
        }

        var text = latin.ToString().ToUpperInvariant();
        foreach (var (from, to) in Folds)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : string.Join(' ', words);
    }
}
