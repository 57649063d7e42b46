using Amanat.Core.Data;
using Amanat.Core.Identifiers;
using Amanat.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Core.Alerts;

/// <summary>
/// The number check's lookup: what was typed, read as a phone number and as a plate, turned into blind
/// indexes, and matched through their index against the identifiers of live (published, unexpired) alerts.
/// </summary>
public static class AlertCheck
{
    private static readonly PhoneNormaliser Phone = new();
    private static readonly PlateNormaliser Plate = new();

    /// <summary>The indexes a query could match: as a phone number and as a plate; empty when it is neither.</summary>
    public static byte[][] Indexes(KeyRing keys, string query) =>
        [.. new[] { BlindIndex.Compute(keys, Phone, query), BlindIndex.Compute(keys, Plate, query) }.OfType<byte[]>()];

    public static async Task<CheckAnswer> FindAsync(AmanatDbContext db, byte[][] indexes, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var alerts = db.AlertIdentifiers.Where(i => indexes.Contains(i.Index)).Select(i => i.AlertId);
        var rows = await db.Alerts.AsNoTracking()
            .Where(a => alerts.Contains(a.Id) && a.Status == AlertStatus.Published && a.ExpiresOn >= today)
            .Select(a => new { a.Id, a.Codes, a.CityCode, a.Year, a.Month, a.PublishedAtUtc, Incidents = a.Incidents.Select(i => i.IncidentId).ToList() })
            .ToListAsync(cancellationToken);
        return CheckAnswer.From([.. rows.Select(r => new AlertMatch(r.Id, r.Codes.Split(' ', StringSplitOptions.RemoveEmptyEntries), r.CityCode, r.Year, r.Month, r.PublishedAtUtc ?? DateTime.MinValue, r.Incidents))]);
    }
}
