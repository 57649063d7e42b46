using Amanat.Core.Common;

namespace Amanat.Core.Staff;

/// <summary>
/// A server-side sign-in session. The browser's cookie only names it; ending the row ends the session
/// everywhere at the next request. Idle for more than <see cref="IdleTimeout"/> and it is over.
/// </summary>
public sealed class StaffSession : Entity
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(15);

    /// <summary>How long a re-entered password allows admin actions.</summary>
    public static readonly TimeSpan PasswordConfirmationLifetime = TimeSpan.FromMinutes(10);

    private StaffSession()
    {
    }

    public StaffSession(Guid userId, DateTime nowUtc)
        : base(Guid.CreateVersion7(nowUtc))
    {
        UserId = userId;
        CreatedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
        LastSeenAtUtc = nowUtc;
        PasswordConfirmedAtUtc = nowUtc;
    }

    public Guid UserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime LastSeenAtUtc { get; private set; }

    public DateTime? PasswordConfirmedAtUtc { get; private set; }

    public DateTime? EndedAtUtc { get; private set; }

    public SessionEndReason? EndReason { get; private set; }

    public bool IsActive(DateTime nowUtc) => EndedAtUtc is null && nowUtc - LastSeenAtUtc <= IdleTimeout;

    public bool HasRecentPassword(DateTime nowUtc) =>
        PasswordConfirmedAtUtc is { } confirmed && nowUtc - confirmed <= PasswordConfirmationLifetime;

    /// <summary>Records activity; returns whether the row changed (written at most once a minute).</summary>
    public bool Touch(DateTime nowUtc)
    {
        if (nowUtc - LastSeenAtUtc < TimeSpan.FromMinutes(1))
        {
            return false;
        }

        LastSeenAtUtc = nowUtc;
        return true;
    }

    public void ConfirmPassword(DateTime nowUtc) => PasswordConfirmedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));

    public void End(DateTime nowUtc, SessionEndReason reason)
    {
        if (EndedAtUtc is not null)
        {
            return;
        }

        EndedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
        EndReason = reason;
    }
}

public enum SessionEndReason
{
    SignedOut = 1,
    SignedOutEverywhere = 2,
    EndedByAdmin = 3,
    AccountDisabled = 4,
    SecurityChanged = 5,
    Expired = 6,
    Sealed = 7,

    /// <summary>She pressed quick exit: the session ends as she leaves.</summary>
    QuickExit = 8,
}
