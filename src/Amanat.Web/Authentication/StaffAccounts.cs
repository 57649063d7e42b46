using Amanat.Core.Auditing;
using Amanat.Core.Common;
using Amanat.Web.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Authentication;

/// <summary>
/// What an administrator (or the CLI) does to staff accounts. Every change made to someone else's
/// account leaves a notice that she sees at her next sign-in.
/// </summary>
public sealed class StaffAccounts(AmanatDbContext db, UserManager<StaffUser> users, StaffSignIn signIn, AuditTrail audit, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<(StaffUser? User, IdentityResult Result)> AddAsync(string userName, string password, StaffRoles roles)
    {
        var name = userName?.Trim() ?? string.Empty;
        if (!StaffUser.IsValidUserName(name))
        {
            return (null, IdentityResult.Failed(users.ErrorDescriber.InvalidUserName(name)));
        }

        if (roles == StaffRoles.None)
        {
            throw new DomainException("Staff.Error.NoRole");
        }

        var user = new StaffUser(name, roles, Now);
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            var installation = await db.Installations.SingleAsync();
            if (!installation.IsSetUp)
            {
                installation.CompleteSetup(Now);
                await db.SaveChangesAsync();
            }

            await audit.RecordAsync(AuditEventType.UserCreated, user.Id, (long)roles);
        }

        return (result.Succeeded ? user : null, result);
    }

    /// <summary>Enrols TOTP at once (for the CLI): returns the key to add to the authenticator app, and recovery codes.</summary>
    public async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolNowAsync(StaffUser user)
    {
        await users.ResetAuthenticatorKeyAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was stored.");
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        await audit.RecordAsync(AuditEventType.TwoFactorEnrolled, user.Id);
        return (key, [.. codes]);
    }

    public async Task SetRolesAsync(StaffUser user, StaffRoles roles, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Roles == roles)
        {
            return;
        }

        if (user.Roles.HasFlag(StaffRoles.Admin) && !roles.HasFlag(StaffRoles.Admin) && await IsLastAdminAsync(user))
        {
            throw new DomainException("Staff.Error.LastAdmin");
        }

        user.SetRoles(roles);
        Notify(user, StaffNoticeKind.RolesChanged, byUserId);
        await users.UpdateAsync(user);
        await audit.RecordAsync(AuditEventType.RolesChanged, user.Id, (long)roles, byUserId);
    }

    /// <summary>Removes her authenticator and recovery codes and ends her sessions: she enrols again at next sign-in.</summary>
    public async Task ResetTwoFactorAsync(StaffUser user, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(user);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey");
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
        await users.UpdateSecurityStampAsync(user);
        await signIn.EndSessionsAsync(user.Id, SessionEndReason.SecurityChanged);
        Notify(user, StaffNoticeKind.TwoFactorReset, byUserId);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditEventType.TwoFactorReset, user.Id, actorId: byUserId);
    }

    public async Task<int> EndSessionsAsync(StaffUser user, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(user);
        var ended = await signIn.EndSessionsAsync(user.Id, SessionEndReason.EndedByAdmin);
        Notify(user, StaffNoticeKind.SessionsEndedByAdmin, byUserId);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditEventType.SessionsEndedByAdmin, user.Id, ended, byUserId);
        return ended;
    }

    public async Task DisableAsync(StaffUser user, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Id == byUserId)
        {
            throw new DomainException("Staff.Error.DisableSelf");
        }

        if (user.Roles.HasFlag(StaffRoles.Admin) && await IsLastAdminAsync(user))
        {
            throw new DomainException("Staff.Error.LastAdmin");
        }

        user.Disable(Now);
        await users.UpdateAsync(user);
        await signIn.EndSessionsAsync(user.Id, SessionEndReason.AccountDisabled);
        await audit.RecordAsync(AuditEventType.UserDisabled, user.Id, actorId: byUserId);
    }

    public async Task EnableAsync(StaffUser user, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.Enable();
        await users.UpdateAsync(user);
        await audit.RecordAsync(AuditEventType.UserEnabled, user.Id, actorId: byUserId);
    }

    private void Notify(StaffUser user, StaffNoticeKind kind, Guid? byUserId)
    {
        if (byUserId != user.Id)
        {
            db.StaffNotices.Add(new StaffNotice(user.Id, kind, byUserId, Now));
        }
    }

    private async Task<bool> IsLastAdminAsync(StaffUser user)
    {
        var admins = await db.Users.Where(x => x.DisabledAtUtc == null).Select(x => new { x.Id, x.Roles }).ToListAsync();
        return !admins.Any(x => x.Id != user.Id && x.Roles.HasFlag(StaffRoles.Admin));
    }
}
