using System.Security.Claims;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Authentication;

internal enum PendingStage
{
    /// <summary>Password accepted; the authenticator code is next.</summary>
    Code,

    /// <summary>Password accepted, no authenticator yet: enrolment is next, before anything else.</summary>
    Enrol,
}

/// <summary>
/// The steps of signing in: password → (code | TOTP enrolment) → a server-side session and its cookie.
/// Between the steps only a five-minute "pending" cookie exists, which opens no staff page.
/// </summary>
internal sealed class StaffSignIn(AmanatDbContext db, TimeProvider clock)
{
    private const string StageClaim = "amanat:stage";
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(5);

    public async Task BeginAsync(HttpContext http, StaffUser user, PendingStage stage)
    {
        ArgumentNullException.ThrowIfNull(http);
        var principal = StaffClaims.Principal(user, StaffSchemes.Pending, new Claim(StageClaim, stage.ToString()));
        await http.SignInAsync(StaffSchemes.Pending, principal, new AuthenticationProperties
        {
            IsPersistent = false,
            ExpiresUtc = clock.GetUtcNow() + PendingLifetime,
        });
    }

    /// <summary>The person half-way through signing in at this stage, or null.</summary>
    public async Task<StaffUser?> PendingAsync(HttpContext http, PendingStage stage)
    {
        ArgumentNullException.ThrowIfNull(http);
        var result = await http.AuthenticateAsync(StaffSchemes.Pending);
        if (!result.Succeeded || result.Principal.FindFirstValue(StageClaim) != stage.ToString() || result.Principal.UserId() is not { } id)
        {
            return null;
        }

        var user = await db.Users.SingleOrDefaultAsync(x => x.Id == id);
        return user is not null && !user.IsDisabled
            && string.Equals(user.SecurityStamp, result.Principal.FindFirstValue(StaffClaims.SecurityStamp), StringComparison.Ordinal)
            ? user
            : null;
    }

    /// <summary>Opens a server-side session and signs the browser in to it.</summary>
    public async Task CompleteAsync(HttpContext http, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(user);
        var session = new StaffSession(user.Id, clock.GetUtcNow().UtcDateTime);
        db.StaffSessions.Add(session);
        await db.SaveChangesAsync();
        await http.SignOutAsync(StaffSchemes.Pending);
        await http.SignInAsync(
            StaffSchemes.Cookie,
            StaffClaims.Principal(user, StaffSchemes.Cookie, new Claim(StaffClaims.SessionId, session.Id.ToString())),
            new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>After her security stamp changed (a new password): this session's cookie is issued again with the new stamp.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Called through the injected service, like its other members.")]
    public async Task RenewAsync(HttpContext http, StaffUser user, Guid sessionId)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(user);
        await http.SignInAsync(
            StaffSchemes.Cookie,
            StaffClaims.Principal(user, StaffSchemes.Cookie, new Claim(StaffClaims.SessionId, sessionId.ToString())),
            new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>Ends sessions of a user (all, or all but one) at once.</summary>
    public async Task<int> EndSessionsAsync(Guid userId, SessionEndReason reason, Guid? except = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.StaffSessions.Where(x => x.UserId == userId && x.EndedAtUtc == null && x.Id != except).ToListAsync();
        foreach (var session in open)
        {
            session.End(now, reason);
        }

        await db.SaveChangesAsync();
        return open.Count;
    }
}
