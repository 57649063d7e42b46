using System.Security.Cryptography;

namespace Amanat.Core.Security;

/// <summary>
/// High-entropy secrets handed to a person once (API tokens, the setup link): 256 random bits, shown as
/// base64url; only their SHA-256 is stored. A hash of 256 random bits cannot be reversed by guessing.
/// </summary>
public static class SecretToken
{
    public static string Create(string prefix) =>
        prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token.Trim()));
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
