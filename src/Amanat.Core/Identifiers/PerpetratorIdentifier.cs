using Amanat.Core.Common;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Core.Identifiers;

/// <summary>
/// One identifier of one perpetrator as a blind index only (HMAC of its normalised form, per kind): a
/// phone number, a plate, a badge or a name. Several numbers in one field give several rows. The table
/// answers "who else reported this number?" with an indexed lookup and reveals no number.
/// </summary>
public sealed class PerpetratorIdentifier : Entity
{
    private PerpetratorIdentifier()
    {
    }

    public PerpetratorIdentifier(Guid incidentId, Guid perpetratorId, string kind, byte[] index)
    {
        IncidentId = incidentId;
        PerpetratorId = perpetratorId;
        Kind = kind;
        Index = index;
    }

    public Guid IncidentId { get; private set; }

    public Guid PerpetratorId { get; private set; }

    public string Kind { get; private set; } = string.Empty;

    public byte[] Index { get; private set; } = [];
}

/// <summary>Why two incidents may concern the same perpetrator.</summary>
public enum MatchReason
{
    Phone,
    Plate,
    Badge,
    Name,
    Station,
}

public sealed record PossibleMatch(Guid IncidentId, DateOnly OccurredOn, string CityCode, IReadOnlyList<MatchReason> Reasons);

/// <summary>Keeps an incident's identifier indexes in step with its perpetrators, and finds other incidents that share one.</summary>
public static class PerpetratorMatching
{
    private static readonly PhoneNormaliser Phone = new();
    private static readonly PlateNormaliser Plate = new();
    private static readonly BadgeNormaliser Badge = new();
    private static readonly NameNormaliser Name = new();

    /// <summary>Replaces the incident's rows with those of its current perpetrators (call before saving).</summary>
    public static async Task RebuildAsync(AmanatDbContext db, Incident incident, KeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(incident);
        var old = await db.PerpetratorIdentifiers.Where(x => x.IncidentId == incident.Id).ToListAsync();
        db.PerpetratorIdentifiers.RemoveRange(old);
        db.PerpetratorIdentifiers.AddRange(Rows(incident, keys));
    }

    /// <summary>The index rows of an incident's perpetrators: one per phone number, plate, badge and name given.</summary>
    public static IEnumerable<PerpetratorIdentifier> Rows(Incident incident, KeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(incident);
        foreach (var perpetrator in incident.Perpetrators)
        {
            var values = PhoneNormaliser.Split(perpetrator.Phones).Select(p => (Phone as IIdentifierNormaliser, (string?)p))
                .Append((Plate, perpetrator.Plate)).Append((Badge, perpetrator.Badge)).Append((Name, perpetrator.Name));
            foreach (var (normaliser, value) in values)
            {
                if (BlindIndex.Compute(keys, normaliser, value) is { } index)
                {
                    yield return new PerpetratorIdentifier(incident.Id, perpetrator.Id, normaliser.Kind, index);
                }
            }
        }
    }

    /// <summary>
    /// Other incidents, among those <paramref name="visible"/> to the reader, that share an identifier or the
    /// station with this one, newest first, at most <see cref="MaxMatches"/>. Two queries: the incident's
    /// identifiers joined to the same (kind, index) through its index, and the same station through its
    /// index; never a scan.
    /// </summary>
    public static async Task<IReadOnlyList<PossibleMatch>> FindAsync(AmanatDbContext db, Incident incident, IQueryable<Incident> visible)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(incident);
        var id = incident.Id;
        var shared = await (
            from own in db.PerpetratorIdentifiers
            where own.IncidentId == id
            from other in db.PerpetratorIdentifiers
            where other.Kind == own.Kind && other.Index == own.Index && other.IncidentId != id
            join seen in visible on other.IncidentId equals seen.Id
            select new { seen.Id, seen.OccurredOn, seen.CityCode, other.Kind })
            .Distinct().OrderByDescending(x => x.OccurredOn).Take(MaxMatches * 4).ToListAsync();
        var found = shared.Select(x => new Row(x.Id, x.OccurredOn, x.CityCode, x.Kind)).ToList();
        if (incident.StationCode is { } station)
        {
            var sameStation = await visible.Where(x => x.StationCode == station && x.Id != id).OrderByDescending(x => x.OccurredOn).Take(MaxMatches)
                .Select(x => new { x.Id, x.OccurredOn, x.CityCode }).ToListAsync();
            found.AddRange(sameStation.Select(x => new Row(x.Id, x.OccurredOn, x.CityCode, StationKind)));
        }

        return [.. found.GroupBy(x => x.Id)
            .Select(g => new PossibleMatch(g.Key, g.First().OccurredOn, g.First().CityCode, [.. g.Select(x => ReasonOf(x.Kind)).Distinct().Order()]))
            .OrderByDescending(x => x.OccurredOn).ThenByDescending(x => x.IncidentId).Take(MaxMatches)];
    }

    public const int MaxMatches = 50;

    private const string StationKind = "station";

    private sealed record Row(Guid Id, DateOnly OccurredOn, string CityCode, string Kind);

    private static MatchReason ReasonOf(string kind) => kind switch
    {
        "phone" => MatchReason.Phone,
        "plate" => MatchReason.Plate,
        "badge" => MatchReason.Badge,
        StationKind => MatchReason.Station,
        _ => MatchReason.Name,
    };
}
