using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Identifiers;
using Amanat.Core.Incidents;
using Amanat.Core.Members;
using Amanat.Core.Security;
using Amanat.Core.Time;
using Amanat.Core.Vocabularies;
using Amanat.Web.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Incidents;

/// <summary>
/// The use case "save an incident", the same for the form, the API and the self-report conversion: the draft
/// is tidied and checked once (shape, vocabulary, dates, known members); then new members for newly named
/// people, the incident, its identifier indexes, its revision, its statistics fact and the alerts that
/// depend on its consent are written in one audited transaction, with the version's hash in the audit.
/// </summary>
internal sealed class SaveIncident(AmanatDbContext db, AuditTrail audit, KeyVault vault, TimeProvider clock, DisplayTimeZone zone, Features.Statistics.StatisticsFacts facts)
{
    public DateOnly Today => DateOnly.FromDateTime(zone.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);

    public async Task<VocabularyList> VocabularyAsync() =>
        new(await db.VocabularyEntries.AsNoTracking().ToListAsync());

    /// <summary>The codes an existing incident already uses: still accepted if retired since.</summary>
    public static IReadOnlySet<string> CodesInUse(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.Violations.Select(v => v.Code)
            .Concat(incident.Perpetrators.SelectMany(p => new[] { p.CategoryCode, p.InvolvementCode }))
            .Concat([incident.CityCode, incident.PlaceCode, incident.StationCode, incident.ComplaintCode, incident.OutcomeCode, incident.SourceCode, incident.ReliabilityCode])
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Saves the draft into the incident (a new one from <see cref="Incident.Start"/>, or one being edited).
    /// Returns the rule errors, with nothing saved; or none when the incident was saved.
    /// </summary>
    public async Task<IReadOnlyList<RuleError>> RunAsync(Incident incident, IncidentDraft draft, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(draft);
        if (IncidentRules.CheckShape(draft) is { Count: > 0 } shape)
        {
            return shape;
        }

        var isNew = incident.Version == 0;
        draft = draft.Normalised();

        var errors = IncidentRules.Check(draft, await VocabularyAsync(), Today, isNew ? null : CodesInUse(incident)).ToList();
        var linked = draft.People.Select(p => p.MemberId).OfType<Guid>().Distinct().ToList();
        var existing = await db.Members.Where(m => linked.Contains(m.Id)).Select(m => m.Id).ToListAsync();
        for (var i = 0; i < draft.People.Count; i++)
        {
            if (draft.People[i].MemberId is { } memberId && !existing.Contains(memberId))
            {
                errors.Add(new RuleError($"People[{i}].{nameof(PersonDraft.WorkingName)}", "Rule.UnknownCode"));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await audit.BeginAsync(actorId: userId);
        var newMembers = new Dictionary<int, Guid>();
        for (var i = 0; i < draft.People.Count; i++)
        {
            // A blank name is no name (the draft is normalised): the person stays nameless.
            if (draft.People[i] is { Id: null, MemberId: null, WorkingName: { } name })
            {
                var member = new Member(name, userId, now);
                db.Members.Add(member);
                newMembers[i] = member.Id;
            }
        }

        if (isNew)
        {
            db.Incidents.Add(incident);
        }

        var changes = incident.Apply(draft, newMembers, userId, now);
        await PerpetratorMatching.RebuildAsync(db, incident, vault.Keys);
        var revision = new IncidentRevision(incident, changes, userId, now, vault.Keys);
        db.IncidentRevisions.Add(revision);
        var counted = await facts.StageAsync([incident], newMembers.Values.ToDictionary(id => id, _ => (string?)null));
        await db.SaveChangesAsync();
        transaction.Add(isNew ? AuditEventType.IncidentCreated : AuditEventType.IncidentUpdated, incident.Id, incident.Version, dataHash: revision.Hash);
        foreach (var (alertId, withdrawn) in await Core.Alerts.AlertConsent.ApplyAsync(db, incident, now))
        {
            transaction.Add(withdrawn ? AuditEventType.AlertWithdrawn : AuditEventType.AlertEdited, alertId);
        }

        await transaction.CommitAsync();
        facts.Committed(counted);
        return [];
    }
}
