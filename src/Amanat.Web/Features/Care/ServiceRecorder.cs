using Amanat.Core.Auditing;
using Amanat.Core.Care;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Time;
using Amanat.Core.Vocabularies;
using Amanat.Web.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Care;

/// <summary>
/// Records a service the same way from the incident page, the member page and the API: the rules, the row
/// (to whom as an encrypted link) and the audit entry together. The caller has checked that the reader may
/// see the incident and the member.
/// </summary>
internal sealed class ServiceRecorder(AmanatDbContext db, AuditTrail audit, TimeProvider clock, DisplayTimeZone zone)
{
    public DateOnly Today => DateOnly.FromDateTime(zone.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);

    public async Task<(ServiceRecord? Record, IReadOnlyList<RuleError> Errors)> AddAsync(ServiceDraft draft, Guid? memberId, Guid userId, VocabularyList? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = ServiceRules.Check(draft, vocabulary ?? new VocabularyList(await db.VocabularyEntries.AsNoTracking().ToListAsync()), Today);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var record = new ServiceRecord(draft.IncidentId, draft.Code!, draft.GivenOn ?? Today, userId, draft.Nights, draft.Provider, draft.Note, clock.GetUtcNow().UtcDateTime, memberId);
        await using var transaction = await audit.BeginAsync(actorId: userId);
        db.ServiceRecords.Add(record);
        await db.SaveChangesAsync();
        if (draft.IncidentId is { } incident)
        {
            transaction.Add(AuditEventType.ResponseRecorded, incident);
        }
        else
        {
            transaction.Add(AuditEventType.ServiceRecorded, memberId);
        }

        await transaction.CommitAsync();
        return (record, []);
    }
}
