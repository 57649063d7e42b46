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
internal sealed class StaffAccounts(AmanatDbContext db, UserManager<StaffUser> users, StaffSignIn signIn, AuditTrail audit, TimeProvider clock)
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
        await using var transaction = await audit.BeginAsync();
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            var installation = await db.Installations.SingleAsync();
            if (!installation.IsSetUp)
            {
                installation.CompleteSetup(Now);
                await db.SaveChangesAsync();
            }

            transaction.Add(AuditEventType.UserCreated, user.Id, (long)roles);
            await transaction.CommitAsync();
        }

        return (result.Succeeded ? user : null, result);
    }

    /// <summary>Enrols TOTP at once (for the CLI): returns the key to add to the authenticator app, and recovery codes.</summary>
    public async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolNowAsync(StaffUser user)
    {
        await using var transaction = await audit.BeginAsync();
        await users.ResetAuthenticatorKeyAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was stored.");
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        transaction.Add(AuditEventType.TwoFactorEnrolled, user.Id);
        await transaction.CommitAsync();
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
        await using var transaction = await audit.BeginAsync(actorId: byUserId);
        await users.UpdateAsync(user);
        transaction.Add(AuditEventType.RolesChanged, user.Id, (long)roles);
        await transaction.CommitAsync();
    }

    /// <summary>Removes her authenticator and recovery codes and ends her sessions: she enrols again at next sign-in.</summary>
    public async Task ResetTwoFactorAsync(StaffUser user, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var transaction = await audit.BeginAsync(actorId: byUserId);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey");
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
        await users.UpdateSecurityStampAsync(user);
        await signIn.EndSessionsAsync(user.Id, SessionEndReason.SecurityChanged);
        Notify(user, StaffNoticeKind.TwoFactorReset, byUserId);
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.TwoFactorReset, user.Id);
        await transaction.CommitAsync();
    }

    public async Task<int> EndSessionsAsync(StaffUser user, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var transaction = await audit.BeginAsync(actorId: byUserId);
        var ended = await signIn.EndSessionsAsync(user.Id, SessionEndReason.EndedByAdmin);
        Notify(user, StaffNoticeKind.SessionsEndedByAdmin, byUserId);
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.SessionsEndedByAdmin, user.Id, ended);
        await transaction.CommitAsync();
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
        await using var transaction = await audit.BeginAsync(actorId: byUserId);
        await users.UpdateAsync(user);
        await signIn.EndSessionsAsync(user.Id, SessionEndReason.AccountDisabled);
        transaction.Add(AuditEventType.UserDisabled, user.Id);
        await transaction.CommitAsync();
    }

    public async Task EnableAsync(StaffUser user, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.Enable();
        await using var transaction = await audit.BeginAsync(actorId: byUserId);
        await users.UpdateAsync(user);
        transaction.Add(AuditEventType.UserEnabled, user.Id);
        await transaction.CommitAsync();
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
