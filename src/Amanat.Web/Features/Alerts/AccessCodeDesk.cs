using Amanat.Core.Alerts;
using Amanat.Core.Auditing;
using Amanat.Core.Community;
using Amanat.Core.Data;
using Amanat.Core.Security;
using Amanat.Core.Time;
using Amanat.Web.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Alerts;

/// <summary>An issued card: the number printed on it and the code, shown once.</summary>
internal sealed record IssuedCode(int Serial, string Code);

/// <summary>
/// Issuing, revoking and checking community access codes. The code is shown once and stored only as a
/// keyed hash (<see cref="AccessCodeNormaliser"/>), so checking one needs the unsealed server.
/// </summary>
internal sealed class AccessCodeDesk(AmanatDbContext db, KeyVault vault, AuditTrail audit, TimeProvider clock, DisplayTimeZone zone)
{
    public DateOnly Today => DateOnly.FromDateTime(zone.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);

    public async Task<IReadOnlyList<IssuedCode>> IssueAsync(int count, DateOnly? expiresOn, Guid staffId)
    {
        count = Math.Clamp(count, 1, AccessCode.MaxBatch);
        var now = clock.GetUtcNow().UtcDateTime;
        var next = (await db.AccessCodes.MaxAsync(c => (int?)c.Serial) ?? 0) + 1;
        var issued = new List<IssuedCode>(count);
        for (var i = 0; i < count; i++)
        {
            var code = ReadableCode.Create();
            db.AccessCodes.Add(new AccessCode(next + i, Index(code)!, staffId, expiresOn, now));
            issued.Add(new IssuedCode(next + i, code));
        }

        await using var transaction = await audit.BeginAsync();
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.AccessCodesIssued, value: count);
        await transaction.CommitAsync();
        return issued;
    }

    /// <summary>
    /// Revokes the card with this number; false when there is none. Every phone's "remember my code" for it
    /// stops at once (a handle lets her in only while its card is valid) and is deleted when next presented.
    /// </summary>
    public async Task<bool> RevokeAsync(int serial, Guid staffId)
    {
        var code = await db.AccessCodes.SingleOrDefaultAsync(c => c.Serial == serial);
        if (code is null)
        {
            return false;
        }

        if (!code.IsRevoked)
        {
            code.Revoke(staffId, clock.GetUtcNow().UtcDateTime);
            await using var transaction = await audit.BeginAsync();
            await db.SaveChangesAsync();
            transaction.Add(AuditEventType.AccessCodeRevoked, code.Id, code.Serial);
            await transaction.CommitAsync();
        }

        return true;
    }

    /// <summary>The card a typed code belongs to, valid or not; null when it matches none or cannot be a code.</summary>
    public Task<AccessCode?> FindAsync(string? typed) =>
        Index(typed) is { } index ? db.AccessCodes.SingleOrDefaultAsync(c => c.CodeIndex == index) : Task.FromResult<AccessCode?>(null);

    public async Task<IReadOnlyList<AccessCode>> LatestAsync(int count) =>
        await db.AccessCodes.AsNoTracking().OrderByDescending(c => c.Serial).Take(count).ToListAsync();

    private byte[]? Index(string? typed) => typed is null ? null : BlindIndex.Compute(vault.Keys, new AccessCodeNormaliser(), typed);
}
