using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Web.Features.Community;
using Microsoft.AspNetCore.Identity;

namespace Amanat.Web.Authentication;

/// <summary>
/// A staff password checked under the <see cref="SignInThrottle"/>: one answer, and one password hash, whether the
/// account is unknown, disabled, waiting or the password wrong, so that neither the answer nor its time tells them
/// apart. A wrong password counts for the caller's address and the account.
/// </summary>
internal sealed class PasswordCheck(UserManager<StaffUser> users, SignInThrottle throttle)
{
    // Verified instead of a real hash when there is none to check, so that every answer costs the same.
    private static string? dummyHash;

    public static string Address(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return PublicLimits.AddressKey(http.Connection.RemoteIpAddress);
    }

    /// <summary>The account's key for the throttle: its normalized name, whether or not it exists.</summary>
    public string AccountKey(string userName) => users.NormalizeName(userName) ?? string.Empty;

    /// <summary>True only for an enabled account, not waiting, with this password.</summary>
    public Task<bool> IsRightAsync(StaffUser? user, string userName, string password, HttpContext http) =>
        IsRightAsync(user, password, http, AccountKey(userName));

    /// <summary>
    /// The password typed again inside her own session (re-confirmation, the panic lock): counted for this
    /// session and address, not for the account, so strangers failing against her name elsewhere can never
    /// make her wait in an emergency.
    /// </summary>
    public Task<bool> IsRightInSessionAsync(StaffUser user, string password, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(http);
        return IsRightAsync(user, password, http, "session:" + (http.CurrentSession()?.Id.ToString("N") ?? "none"));
    }

    private async Task<bool> IsRightAsync(StaffUser? user, string password, HttpContext http, string account)
    {
        var address = Address(http);
        var waiting = throttle.WaitBeforeNextAttempt(address, account) > TimeSpan.Zero;
        if (waiting || user is null || user.IsDisabled)
        {
            dummyHash ??= users.PasswordHasher.HashPassword(null!, "not-a-real-password");
            users.PasswordHasher.VerifyHashedPassword(null!, dummyHash, password);
            if (!waiting)
            {
                throttle.RecordFailure(address, account); // attempts refused for waiting do not count
            }

            return false;
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            return true;
        }

        throttle.RecordFailure(address, account);
        return false;
    }
}
