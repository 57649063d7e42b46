using System.Security.Cryptography;
using System.Text;

namespace Amanat.Core.Security;

/// <summary>
/// Turns a raw identifier into the one form that equal identifiers share (a phone number to E.164, a plate
/// without spaces and look-alike letters…). Returns null when nothing identifying is left.
/// </summary>
public interface IIdentifierNormaliser
{
    /// <summary>The kind of identifier ("phone", "plate"): each kind has its own index key.</summary>
    string Kind { get; }

    string? Normalise(string raw);
}

/// <summary>
/// Blind indexes: HMAC-SHA256 of the normalised value under a key derived from the root for that kind.
/// Stored beside the ciphertext and indexed, they answer "is this the same phone number?" without the
/// number being readable, and cannot be reversed by a dictionary without the key.
/// </summary>
public static class BlindIndex
{
    public const int Size = 32;

    public static byte[]? Compute(KeyRing keys, IIdentifierNormaliser normaliser, string? raw)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(normaliser);
        var normalised = string.IsNullOrWhiteSpace(raw) ? null : normaliser.Normalise(raw);
        if (string.IsNullOrEmpty(normalised))
        {
            return null;
        }

        var key = keys.Derive("index:" + normaliser.Kind, 1);
        try
        {
            return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalised));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The shadow property holding the index of an encrypted field, for queries: <c>EF.Property&lt;byte[]&gt;(x, BlindIndex.Of("Phone"))</c>.</summary>
    public static string Of(string field) => field + "Index";
}

/// <summary>Exact text with surrounding spaces removed, case and Unicode forms folded: the default normaliser.</summary>
public sealed class CaseFoldedText : IIdentifierNormaliser
{
    public string Kind => "text";

    public string? Normalise(string raw) => raw.Trim().Normalize(NormalizationForm.FormKC).ToUpperInvariant();
}
