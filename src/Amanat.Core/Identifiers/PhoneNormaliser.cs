using System.Text;
using Amanat.Core.Security;
using PhoneNumbers;

namespace Amanat.Core.Identifiers;

/// <summary>
/// Phone numbers to E.164 (<c>+77011234567</c>): the Kazakh reading first, then Uzbek, Kyrgyz, Tajik and
/// Russian when the number is not valid there. Full-width digits, spaces, dashes, brackets and a leading
/// 8 are understood. What no region accepts is kept as its digits, marked unverified (<c>?</c> prefix), so it
/// still matches the same digits typed again but never a verified number.
/// </summary>
public sealed class PhoneNormaliser : IIdentifierNormaliser
{
    private static readonly string[] Regions = ["KZ", "UZ", "KG", "TJ", "RU"];
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public string Kind => "phone";

    public string? Normalise(string raw)
    {
        var folded = raw.Normalize(NormalizationForm.FormKC);
        var digits = new string([.. folded.Where(char.IsAsciiDigit)]);
        if (digits.Length < 5 || digits.Length > 15)
        {
            return digits.Length == 0 ? null : "?" + digits;
        }

        var international = folded.TrimStart().StartsWith('+') || folded.TrimStart().StartsWith("00", StringComparison.Ordinal);
        var candidates = international
            ? [("+" + (folded.TrimStart().StartsWith("00", StringComparison.Ordinal) ? digits[2..] : digits), (string?)null)]
            : Regions.Select(r => (digits, (string?)r)).ToArray();
        foreach (var (number, region) in candidates)
        {
            try
            {
                var parsed = Util.Parse(number, region ?? "ZZ");
                if (Util.IsValidNumber(parsed))
                {
                    return Util.Format(parsed, PhoneNumberFormat.E164);
                }
            }
            catch (NumberParseException)
            {
                // Not a number in this region: try the next.
            }
        }

        return "?" + digits;
    }

    /// <summary>
    /// Several numbers typed in one field ("8 701 …, +998 90 …"): split on commas, semicolons, slashes and new
    /// lines, and a part that is no number by itself but several full numbers one after another with spaces
    /// between them ("87011234567 87017654321") into those numbers. A part that cannot be read as whole
    /// numbers stays as typed.
    /// </summary>
    public static IReadOnlyList<string> Split(string? field) =>
        string.IsNullOrWhiteSpace(field)
            ? []
            : [.. field.Split([',', ';', '/', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SelectMany(SplitOnSpaces)];

    private const int MaxTokens = 24;

    private static readonly PhoneNormaliser Reader = new();

    private static bool IsFullNumber(string text) => Reader.Normalise(text) is { } n && !n.StartsWith('?');

    /// <summary>From the left, the longest run of words that is a full number, then the next: all or nothing.</summary>
    private static IEnumerable<string> SplitOnSpaces(string part)
    {
        var words = part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words.Length > MaxTokens || IsFullNumber(part))
        {
            return [part];
        }

        var numbers = new List<string>();
        var start = 0;
        while (start < words.Length)
        {
            var end = words.Length;
            while (end > start && !IsFullNumber(string.Join(' ', words[start..end])))
            {
                end--;
            }

            if (end == start)
            {
                return [part];
            }

            numbers.Add(string.Join(' ', words[start..end]));
            start = end;
        }

        return numbers;
    }
}
