using Amanat.Core.Auditing;
using Amanat.Core.Care;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Security;
using Amanat.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Members;

/// <summary>
/// "Forget me": her own key is destroyed and her rows deleted — the member record, her documents, entries,
/// exits and shares. What others recorded stays counted without her: services and referrals keep code,
/// date and status but lose the link to her and their notes; in incidents she becomes a person nobody
/// named. One transaction, audited; on SQLite a truncating checkpoint follows (<see cref="DeletedData"/>).
/// </summary>
internal sealed class MemberForgetting(AmanatDbContext db, KeyVault vault, AuditLog audit)
{
    /// <summary>False when there is no such member (already forgotten).</summary>
    public async Task<bool> ForgetAsync(Guid memberId, AuditSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!await db.Members.AnyAsync(m => m.Id == memberId, cancellationToken))
        {
            return false;
        }

        await using (var transaction = await audit.BeginAsync(source, cancellationToken))
        {
            await ForgetInTransactionAsync(memberId, cancellationToken);
            transaction.Add(AuditEventType.MemberForgotten, subjectId: memberId);

            await transaction.CommitAsync(cancellationToken);
        }

        await DeletedData.CheckpointAsync(db, cancellationToken);
        return true;
    }

    /// <summary>The deletions themselves, inside the caller's transaction (retention forgets many at once).</summary>
    internal async Task ForgetInTransactionAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var link = BlindIndex.Compute(vault.Keys, new MemberLinkNormaliser(), memberId.ToString("N"));
        var column = BlindIndex.Of(nameof(ServiceRecord.MemberLink));
        foreach (var service in await db.ServiceRecords.Where(s => EF.Property<byte[]>(s, column) == link).ToListAsync(cancellationToken))
        {
            service.ForgetPerson();
        }

        foreach (var referral in await db.Referrals.Where(r => EF.Property<byte[]>(r, column) == link).ToListAsync(cancellationToken))
        {
            referral.ForgetPerson();
        }

        foreach (var person in await db.Set<AffectedPerson>().Where(p => EF.Property<byte[]>(p, column) == link).ToListAsync(cancellationToken))
        {
            person.ForgetMember();
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.DocumentRecords.Where(d => d.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.MovementRecords.Where(m => m.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.MemberShares.Where(s => s.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.Members.Where(m => m.Id == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.RecordKeys.Where(k => k.OwnerId == memberId).ExecuteDeleteAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
