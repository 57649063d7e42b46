using Amanat.Core.Auditing;
using Amanat.Core.Care;
using Amanat.Core.Common;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Members;
using Amanat.Core.Security;
using Amanat.Core.Time;
using Amanat.Core.Vocabularies;
using Amanat.Web.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Care;

/// <summary>
/// Refers members and follows referrals up the same way for the member page, the list and the API: the rules
/// (her SERVICES consent first), the row and the audit entry together. The caller has checked that the
/// reader may open the member.
/// </summary>
internal sealed class ReferralRecorder(AmanatDbContext db, AuditTrail audit, KeyVault vault, TimeProvider clock, DisplayTimeZone zone)
{
    public DateOnly Today => DateOnly.FromDateTime(zone.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);

    public async Task<(Referral? Referral, IReadOnlyList<RuleError> Errors)> AddAsync(Member member, ReferralDraft draft, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(draft);
        var provider = draft.ProviderId is { } id ? await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id) : null;
        var vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.Response).ToListAsync());
        var errors = ReferralRules.Check(draft, member.ServicesConsent, provider, vocabulary, Today);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var sent = draft.SentOn ?? Today;
        var referral = new Referral(member.Id, provider!.Id, draft.ServiceCode!, sent, draft.DueOn ?? sent.AddDays(ReferralRules.DefaultFollowUpDays), draft.Note, userId, clock.GetUtcNow().UtcDateTime, draft.IncidentId);
        await using var transaction = await audit.BeginAsync(actorId: userId);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.ReferralCreated, referral.Id);
        await transaction.CommitAsync();
        return (referral, []);
    }

    /// <summary>A new status and optionally a new follow-up date; returns the error's message key, or null.</summary>
    public async Task<string?> UpdateAsync(Referral referral, ReferralStatus status, DateOnly? dueOn, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(referral);
        try
        {
            referral.Update(status, dueOn, clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException e)
        {
            return e.MessageKey;
        }

        await using var transaction = await audit.BeginAsync(actorId: userId);
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.ReferralUpdated, referral.Id, (long)status);
        await transaction.CommitAsync();
        return null;
    }

    /// <summary>
    /// Open referrals of the members the reader may open, overdue first, with those members' working names.
    /// The member link is encrypted, so open referrals (few) are read and filtered in memory.
    /// </summary>
    public async Task<(IReadOnlyList<Referral> Open, IReadOnlyDictionary<Guid, string> Names)> OpenInScopeAsync(Guid userId, Amanat.Core.Staff.StaffRoles roles)
    {
        var open = await db.Referrals.AsNoTracking().Where(r => r.Status == ReferralStatus.Sent || r.Status == ReferralStatus.Accepted).ToListAsync();
        var memberIds = open.Select(r => r.MemberId).OfType<Guid>().Distinct().ToList();
        var names = await db.Members.AsNoTracking().VisibleTo(userId, roles).Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.WorkingName ?? string.Empty);
        var today = Today;
        return ([.. open.Where(r => r.MemberId is { } m && names.ContainsKey(m)).OrderByDescending(r => r.IsOverdue(today)).ThenBy(r => r.DueOn)], names);
    }

    /// <summary>Her referrals, newest first, through the blind index of the member link.</summary>
    public async Task<IReadOnlyList<Referral>> ForMemberAsync(Guid memberId)
    {
        var link = BlindIndex.Compute(vault.Keys, new MemberLinkNormaliser(), memberId.ToString("N"));
        var column = BlindIndex.Of(nameof(Referral.MemberLink));
        return await db.Referrals.AsNoTracking().Where(r => EF.Property<byte[]>(r, column) == link).OrderByDescending(r => r.SentOn).ThenBy(r => r.Id).ToListAsync();
    }
}
