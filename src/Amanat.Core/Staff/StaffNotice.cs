using Amanat.Core.Common;

namespace Amanat.Core.Staff;

/// <summary>
/// Something done to a staff member's account by someone else (a 2FA reset, a change of roles), shown to
/// her at her next sign-in so that an abuse of admin power cannot go unnoticed.
/// </summary>
public sealed class StaffNotice : Entity
{
    private StaffNotice()
    {
    }

    public StaffNotice(Guid userId, StaffNoticeKind kind, Guid? byUserId, DateTime nowUtc)
        : base(Guid.CreateVersion7(nowUtc))
    {
        UserId = userId;
        Kind = kind;
        ByUserId = byUserId;
        CreatedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public Guid UserId { get; private set; }

    public StaffNoticeKind Kind { get; private set; }

    public Guid? ByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? SeenAtUtc { get; private set; }

    public void MarkSeen(DateTime nowUtc) => SeenAtUtc ??= UtcTime.Require(nowUtc, nameof(nowUtc));
}

public enum StaffNoticeKind
{
    TwoFactorReset = 1,
    RolesChanged = 2,
    SessionsEndedByAdmin = 3,
    PasswordReset = 4,
}
