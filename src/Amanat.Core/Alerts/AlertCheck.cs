using Amanat.Core.Data;
using Amanat.Core.Identifiers;
using Amanat.Core.Incidents;
using Amanat.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Core.Alerts;

/// <summary>
/// The number check's lookup: what was typed, read as a phone number and as a plate, turned into blind
/// indexes, and matched through their index against the identifiers of live (published, unexpired) alerts;
/// counted per identifier: the reports behind that number or plate, not behind the whole alert.
/// </summary>
public static class AlertCheck
{
    private static readonly PhoneNormaliser Phone = new();
    private static readonly PlateNormaliser Plate = new();

    /// <summary>The indexes a query could match: as a phone number and as a plate; empty when it is neither.</summary>
    public static byte[][] Indexes(KeyRing keys, string query) =>
        [.. new[] { BlindIndex.Compute(keys, Phone, query), BlindIndex.Compute(keys, Plate, query) }.OfType<byte[]>()];

    /// <summary>
    /// The live alerts that carry one of the indexes, each with the incidents that stand behind the identifier
    /// itself: those of its incidents (all with ALERT consent) whose perpetrators have that phone or plate,
    /// not every incident of the alert. An identifier the coordinator added by hand, found in none of them,
    /// counts as one report.
    /// </summary>
    public static async Task<CheckAnswer> FindAsync(AmanatDbContext db, byte[][] indexes, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var alerts = db.AlertIdentifiers.Where(i => indexes.Contains(i.Index)).Select(i => i.AlertId);
        var rows = await db.Alerts.AsNoTracking()
            .Where(a => alerts.Contains(a.Id) && a.Status == AlertStatus.Published && a.ExpiresOn >= today)
            .Select(a => new { a.Id, a.Codes, a.CityCode, a.Year, a.Month, a.PublishedAtUtc, Incidents = a.Incidents.Select(i => i.IncidentId).ToList() })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return CheckAnswer.NoRecord;
        }

        var ids = rows.Select(r => r.Id).ToList();
        var consenting = db.Incidents.WithConsent(AlertConsent.Scope).Select(i => i.Id);
        var behind = await (
            from link in db.AlertIncidents
            where ids.Contains(link.AlertId) && consenting.Contains(link.IncidentId)
            join identifier in db.PerpetratorIdentifiers on link.IncidentId equals identifier.IncidentId
            where indexes.Contains(identifier.Index)
            select new { link.AlertId, link.IncidentId })
            .Distinct().ToListAsync(cancellationToken);
        return CheckAnswer.From([.. rows.Select(r =>
        {
            IReadOnlyList<Guid> incidents = [.. behind.Where(b => b.AlertId == r.Id).Select(b => b.IncidentId)];
            if (incidents.Count == 0 && r.Incidents.Count > 0)
            {
                incidents = [r.Incidents.Min()];
            }

            return new AlertMatch(r.Id, r.Codes.Split(' ', StringSplitOptions.RemoveEmptyEntries), r.CityCode, r.Year, r.Month, r.PublishedAtUtc ?? DateTime.MinValue, incidents);
        })]);
    }
}
