using Amanat.Core.Data;
using Amanat.Core.Staff;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Amanat.Web.Authentication;

/// <summary>
/// Checks a six-digit authenticator code (TOTP, 30-second steps, up to two steps either way for a phone's clock,
/// as Identity's own provider allowed) and accepts it only once: the step it matched must be later than the
/// last one accepted for the account (<see cref="OneTimeCodes"/>). Codes are checked against the real clock,
/// as the phone makes them.
/// </summary>
internal sealed class AuthenticatorCodes(UserManager<StaffUser> users, AmanatDbContext db)
{
    private static readonly VerificationWindow Window = new(previous: 2, future: 2);

    public static bool LooksLikeACode(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);

    public async Task<bool> AcceptOnceAsync(StaffUser user, string code)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(code);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || !LooksLikeACode(code))
        {
            return false;
        }

        var totp = new OtpNet.Totp(Base32Encoding.ToBytes(key));
        return totp.VerifyTotp(DateTime.UtcNow, code, out var timeStep, Window)
            && await db.ClaimTotpTimeStepAsync(user, timeStep);
    }
}
