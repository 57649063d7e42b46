using Amanat.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Core.Staff;

/// <summary>
/// An authenticator code works once (RFC 6238, section 5.2): each account keeps the time step of the last code
/// accepted, and a code of that step or an earlier one is refused, even if it is still inside the window. The
/// claim is one conditional update, so two requests racing with the same code cannot both win.
/// </summary>
public static class OneTimeCodes
{
    /// <summary>
    /// True if <paramref name="timeStep"/> is later than the account's last accepted step, which it now is. The
    /// concurrency stamp changes with it, so that an update from a copy of the account loaded before cannot
    /// write the old step back; this context's copy is brought up to date.
    /// </summary>
    public static async Task<bool> ClaimTotpTimeStepAsync(this AmanatDbContext db, StaffUser user, long timeStep)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var stamp = Guid.NewGuid().ToString();
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastTotpTimeStep == null || u.LastTotpTimeStep < timeStep))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastTotpTimeStep, timeStep).SetProperty(x => x.ConcurrencyStamp, stamp)) == 1;
        if (claimed)
        {
            var entry = db.Entry(user);
            entry.Property(x => x.LastTotpTimeStep).CurrentValue = timeStep;
            entry.Property(x => x.LastTotpTimeStep).OriginalValue = timeStep;
            entry.Property(x => x.ConcurrencyStamp).CurrentValue = stamp;
            entry.Property(x => x.ConcurrencyStamp).OriginalValue = stamp;
        }

        return claimed;
    }
}
