using Amanat.Core.Auditing;
using Amanat.Core.Common;
using Amanat.Core.Data;
using Amanat.Core.Time;
using Amanat.Web.Auditing;
using Amanat.Web.Telegram;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Alerts;

/// <summary>What became of a publication.</summary>
internal abstract record PublishOutcome
{
    private PublishOutcome()
    {
    }

    internal sealed record NotFound : PublishOutcome;

    /// <summary>The alert's rules refused it (not approved, or expired): the message key to show.</summary>
    internal sealed record Refused(string MessageKey) : PublishOutcome;

    internal sealed record Published : PublishOutcome;
}

/// <summary>
/// Publishing an approved alert: the alert's rules (approved, not expired), then the change and its audit
/// entry in one <see cref="AuditedTransaction"/>, then the bot's pushes are woken to send it to the
/// subscribed chats.
/// </summary>
internal sealed class PublishAlert(AmanatDbContext db, AuditTrail audit, TimeProvider clock, DisplayTimeZone zone, AlertPushSignal pushes)
{
    public async Task<PublishOutcome> PublishAsync(Guid alertId)
    {
        if (await db.Alerts.SingleOrDefaultAsync(a => a.Id == alertId) is not { } alert)
        {
            return new PublishOutcome.NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            alert.Publish(DateOnly.FromDateTime(zone.ToLocal(now).DateTime), now);
        }
        catch (DomainException e)
        {
            return new PublishOutcome.Refused(e.MessageKey);
        }

        await using (var transaction = await audit.BeginAsync())
        {
            await db.SaveChangesAsync();
            transaction.Add(AuditEventType.AlertPublished, alert.Id);
            await transaction.CommitAsync();
        }

        pushes.Wake();
        return new PublishOutcome.Published();
    }
}
