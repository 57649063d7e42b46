using Amanat.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace Amanat.Core.Staff;

/// <summary>
/// A staff account: a pseudonymous username, a password hash, roles and mandatory TOTP. No email, no
/// phone, no legal name. The authenticator key and recovery codes are stored encrypted.
/// </summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public const int MinUserNameLength = 3;
    public const int MaxUserNameLength = 32;

    private StaffUser()
    {
    }

    public StaffUser(string userName, StaffRoles roles, DateTime createdAtUtc)
    {
        Id = Guid.CreateVersion7(createdAtUtc);
        UserName = userName;
        Roles = roles;
        CreatedAtUtc = UtcTime.Require(createdAtUtc, nameof(createdAtUtc));
        SecurityStamp = Guid.NewGuid().ToString("N");
        LockoutEnabled = true;
    }

    public StaffRoles Roles { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? DisabledAtUtc { get; private set; }

    public bool IsDisabled => DisabledAtUtc is not null;

    /// <summary>
    /// The 30-second time step of the last authenticator code accepted: a code of this step or an earlier one
    /// is refused, so each code works once (RFC 6238, section 5.2). Set only by an atomic conditional update
    /// (<see cref="OneTimeCodes"/>), never through this property.
    /// </summary>
    public long? LastTotpTimeStep { get; private set; }

    /// <summary>Changes roles. Refuses to leave an account with none: disable it instead.</summary>
    public void SetRoles(StaffRoles roles)
    {
        if (roles == StaffRoles.None)
        {
            throw new DomainException("Staff.Error.NoRole");
        }

        Roles = roles;
    }

    public void Disable(DateTime nowUtc) => DisabledAtUtc ??= UtcTime.Require(nowUtc, nameof(nowUtc));

    public void Enable() => DisabledAtUtc = null;

    /// <summary>Usernames are pseudonyms: 3–32 letters (any script), digits, dot, dash or underscore.</summary>
    public static bool IsValidUserName(string? userName) =>
        userName is { Length: >= MinUserNameLength and <= MaxUserNameLength }
        && userName.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_');
}
