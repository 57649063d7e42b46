using Amanat.Core.Data;
using Amanat.Core.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Authentication;

/// <summary>
/// Checks the server-side session behind every staff cookie: still open, not idle for more than 15
/// minutes, the account enabled and its security stamp unchanged. Roles are read afresh, so a change of
/// roles applies at the next request.
/// </summary>
internal static class SessionValidator
{
    public const string ExpiredUserKey = "amanat:expired-user";
    private const string CurrentSessionKey = "amanat:session";

    public static StaffSession? CurrentSession(this HttpContext context) =>
        context?.Items[CurrentSessionKey] as StaffSession;

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<AmanatDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var principal = context.Principal;
        var sessionId = principal?.SessionIdOf();
        var userId = principal?.UserId();

        var session = sessionId is null ? null : await db.StaffSessions.SingleOrDefaultAsync(x => x.Id == sessionId);
        var user = session is null ? null : await db.Users.SingleOrDefaultAsync(x => x.Id == session.UserId);
        var valid = session is not null && user is not null && session.UserId == userId
            && session.IsActive(now) && !user.IsDisabled
            && string.Equals(user.SecurityStamp, principal?.FindFirst(StaffClaims.SecurityStamp)?.Value, StringComparison.Ordinal);

        if (!valid)
        {
            if (session is not null && session.EndedAtUtc is null)
            {
                session.End(now, user?.IsDisabled == true ? SessionEndReason.AccountDisabled : session.IsActive(now) ? SessionEndReason.SecurityChanged : SessionEndReason.Expired);
                await db.SaveChangesAsync();
            }

            if (userId is not null)
            {
                context.HttpContext.Items[ExpiredUserKey] = userId;
            }

            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(StaffSchemes.Cookie);
            return;
        }

        if (session!.Touch(now))
        {
            await db.SaveChangesAsync();
        }

        context.HttpContext.Items[CurrentSessionKey] = session;
        if (principal!.Roles() != user!.Roles && principal!.FindFirst(StaffClaims.SessionId) is { } sessionClaim)
        {
            context.ReplacePrincipal(StaffClaims.Principal(user, StaffSchemes.Cookie, sessionClaim));
            context.ShouldRenew = true;
        }
    }
}
