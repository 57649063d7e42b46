using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Statistics;
using Amanat.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Statistics;

/// <summary>
/// Keeps each incident's statistical fact (<see cref="IncidentFact"/>) beside it: staged in the same
/// transaction as the incident's save, handed to the <see cref="FactCache"/> once committed. A member's new
/// nationality rewrites the facts of her incidents.
/// </summary>
internal sealed class StatisticsFacts(AmanatDbContext db, FactCache cache, TimeProvider clock, DisplayTimeZone zone)
{
    /// <summary>Writes (or removes) the facts of incidents tracked by the context; call before SaveChanges.</summary>
    /// <param name="nationalities">Members' nationalities already known (new members, the seeder's); others are read.</param>
    public async Task<IReadOnlyCollection<(Guid IncidentId, IncidentFact? Fact)>> StageAsync(IReadOnlyCollection<Incident> incidents, IReadOnlyDictionary<Guid, string?>? nationalities = null)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var memberIds = incidents.SelectMany(i => i.People).Select(p => p.MemberId).OfType<Guid>().Distinct()
            .Where(id => nationalities?.ContainsKey(id) != true).ToList();
        var known = new Dictionary<Guid, string?>(nationalities ?? new Dictionary<Guid, string?>());
        foreach (var chunk in memberIds.Chunk(500))
        {
            foreach (var m in await db.Members.AsNoTracking().Where(m => chunk.Contains(m.Id)).Select(m => new { m.Id, m.NationalityCode }).ToListAsync())
            {
                known[m.Id] = m.NationalityCode;
            }
        }

        var ids = incidents.Select(i => i.Id).ToList();
        var stored = new Dictionary<Guid, IncidentFact>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var f in await db.IncidentFacts.Where(f => chunk.Contains(f.IncidentId)).ToListAsync())
            {
                stored[f.IncidentId] = f;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new List<(Guid, IncidentFact?)>(incidents.Count);
        foreach (var incident in incidents)
        {
            var recordedOn = DateOnly.FromDateTime(zone.ToLocal(incident.CreatedAtUtc).DateTime);
            var fact = IncidentFact.Of(incident, id => known.GetValueOrDefault(id), recordedOn, now);
            var existing = stored.GetValueOrDefault(incident.Id);
            if (fact is null && existing is not null)
            {
                db.IncidentFacts.Remove(existing);
            }
            else if (fact is not null && existing is not null)
            {
                existing.CopyFrom(fact);
            }
            else if (fact is not null)
            {
                db.IncidentFacts.Add(fact);
            }

            changes.Add((incident.Id, fact));
        }

        return changes;
    }

    /// <summary>After the commit: the dashboard sees the change from its next figures on.</summary>
    public void Committed(IReadOnlyCollection<(Guid IncidentId, IncidentFact? Fact)> changes) => cache.Apply(changes);

    /// <summary>Rewrites the facts of these incidents (a member's nationality changed) in their own save.</summary>
    public async Task RefreshAsync(IReadOnlyCollection<Guid> incidentIds)
    {
        ArgumentNullException.ThrowIfNull(incidentIds);
        foreach (var chunk in incidentIds.Distinct().Chunk(200))
        {
            var incidents = await db.Incidents.Where(i => chunk.Contains(i.Id)).WithContent().ToListAsync();
            var changes = await StageAsync(incidents);
            await db.SaveChangesAsync();
            Committed(changes);
        }
    }
}
