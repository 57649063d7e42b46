using System.Text;
using PhoneNumbers;

namespace Amanat.Core.Identifiers;

/// <summary>
/// Identifiers as the alerts feed, the printed sheet and the bot's pushes show them: enough to recognise a
/// number she already has, too little to copy the list. A phone number keeps its country code, its operator
/// code and its last two digits (<c>+7 701 ••• •• 67</c>); a plate, or anything else, only its last two
/// characters (<c>••• ••• 02</c>). The full value is answered only by the number check, which is limited
/// per card and per caller.
/// </summary>
public static class IdentifierMask
{
    public const char Hidden = '•';

    private const int Kept = 2;

    /// <summary>Hidden digits at least, whatever the operator code's length.</summary>
    private const int MinHidden = 4;

    private static readonly PhoneNormaliser Normaliser = new();

    public static string Phone(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (Normaliser.Normalise(raw) is not { } e164 || e164.StartsWith('?'))
        {
            return Tail(raw);
        }

        var util = PhoneNumberUtil.GetInstance();
        var number = util.Parse(e164, "ZZ");
        var national = util.GetNationalSignificantNumber(number);
        var operatorCode = Math.Clamp(util.GetLengthOfNationalDestinationCode(number), 0, Math.Max(0, national.Length - Kept - MinHidden));
        var text = new StringBuilder().Append('+').Append(number.CountryCode);
        if (operatorCode > 0)
        {
            text.Append(' ').Append(national.AsSpan(0, operatorCode));
        }

        var hidden = national.Length - operatorCode - Kept;
        for (var i = 0; i < hidden; i++)
        {
            text.Append(i % 3 == 0 ? " " : string.Empty).Append(Hidden);
        }

        return text.Append(' ').Append(national.AsSpan(national.Length - Kept)).ToString();
    }

    /// <summary>Every letter and digit hidden but the last two (the last one of a value of four or fewer); spaces and dashes kept.</summary>
    public static string Tail(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var value = raw.Trim();
        var significant = value.Count(char.IsLetterOrDigit);
        var kept = significant > 4 ? Kept : Math.Min(1, significant - 1);
        var text = new StringBuilder(value.Length);
        var seen = 0;
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                seen++;
                text.Append(seen > significant - kept ? c : Hidden);
            }
            else
            {
                text.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        return text.ToString();
    }
}
