using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Web.Auditing;
using Microsoft.AspNetCore.Authentication;

namespace Amanat.Web.Authentication;

/// <summary>Signing this browser out: its session ends on the server (audited) and its cookie goes.</summary>
internal static class SessionEnd
{
    public static async Task EndThisSessionAsync(this HttpContext http, SessionEndReason reason)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.CurrentSession() is { } session)
        {
            var services = http.RequestServices;
            session.End(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, reason);
            await using var transaction = await services.GetRequiredService<AuditTrail>().BeginAsync();
            await services.GetRequiredService<AmanatDbContext>().SaveChangesAsync();
            transaction.Add(AuditEventType.SignedOut, session.UserId, reason == SessionEndReason.SignedOut ? null : (long)reason);
            await transaction.CommitAsync();
        }

        await http.SignOutAsync(StaffSchemes.Cookie);
    }
}
