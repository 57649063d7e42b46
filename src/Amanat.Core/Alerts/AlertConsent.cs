using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Core.Alerts;

/// <summary>
/// A withdrawn ALERT consent takes effect at once: the incident stops standing behind every alert that
/// used it, and an alert left with none is withdrawn (the check and the feed stop showing it).
/// </summary>
public static class AlertConsent
{
    public const string Scope = "ALERT";

    /// <summary>Call after an incident's consents changed; returns the alerts touched and whether each was withdrawn.</summary>
    public static async Task<IReadOnlyList<(Guid AlertId, bool Withdrawn)>> ApplyAsync(AmanatDbContext db, Incident incident, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.People.Any(p => p.Consent(Scope) == ConsentValue.Yes))
        {
            return [];
        }

        var alertIds = await db.AlertIncidents.Where(x => x.IncidentId == incident.Id).Select(x => x.AlertId).ToListAsync();
        if (alertIds.Count == 0)
        {
            return [];
        }

        var alerts = await db.Alerts.Include(a => a.Incidents).Where(a => alertIds.Contains(a.Id)).ToListAsync();
        var touched = alerts.Select(a => (a.Id, a.DropIncident(incident.Id, nowUtc))).ToList();
        await db.SaveChangesAsync();
        return touched;
    }
}
