using Amanat.Core.Common;
using Amanat.Core.Incidents;

namespace Amanat.Core.Statistics;

/// <summary>
/// What an incident adds to the statistics, in codes only, kept beside it and rewritten whenever it (or the
/// nationality of a person in it) changes: its month, city and station, violations, perpetrator
/// categories, the people who said YES to <c>STATS</c> (and their nationalities), days detained, money
/// extorted, documents, how long until the centre heard, whether she chose not to complain. An incident
/// where nobody said YES to <c>STATS</c> has no fact: a withdrawal removes it from the next figures.
/// </summary>
public sealed class IncidentFact
{
    public const string Scope = "STATS";

    /// <summary>The complaint code "decided not to complain".</summary>
    public const string NoComplaintCode = "NONE";

    /// <summary>A person whose nationality is not recorded.</summary>
    public const string UnknownNationality = "?";

    private IncidentFact()
    {
    }

    /// <summary>Same as the incident's id.</summary>
    public Guid IncidentId { get; private set; }

    public DateOnly OccurredOn { get; private set; }

    public string CityCode { get; private set; } = string.Empty;

    public string? StationCode { get; private set; }

    /// <summary>Violation codes, separated by spaces.</summary>
    public string Violations { get; private set; } = string.Empty;

    /// <summary>Distinct perpetrator categories, separated by spaces.</summary>
    public string Perpetrators { get; private set; } = string.Empty;

    /// <summary>One nationality code per person counted (<see cref="UnknownNationality"/> when unknown), separated by spaces.</summary>
    public string Nationalities { get; private set; } = string.Empty;

    /// <summary>People affected who said YES to <c>STATS</c>; only they are counted.</summary>
    public int People { get; private set; }

    public int? DaysDetained { get; private set; }

    public long? MoneyExtortedMinor { get; private set; }

    public string? Currency { get; private set; }

    public bool DocumentsTaken { get; private set; }

    public bool? DocumentsReturned { get; private set; }

    /// <summary>Days from the incident to the day the centre recorded it (never negative).</summary>
    public int ReportingDelayDays { get; private set; }

    public bool NoComplaint { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>The fact of an incident, or null when nobody in it says YES to <c>STATS</c> now.</summary>
    /// <param name="nationalityOf">A member's nationality code by member id (null: unknown).</param>
    /// <param name="recordedOn">The local day the centre recorded it.</param>
    public static IncidentFact? Of(Incident incident, Func<Guid, string?> nationalityOf, DateOnly recordedOn, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(nationalityOf);
        var counted = incident.People.Where(p => p.Consent(Scope) == ConsentValue.Yes).ToList();
        if (counted.Count == 0)
        {
            return null;
        }

        var fact = new IncidentFact { IncidentId = incident.Id };
        fact.Take(incident, counted.Select(p => (p.MemberId is { } id ? nationalityOf(id) : null) ?? UnknownNationality).ToList(), recordedOn, nowUtc);
        return fact;
    }

    /// <summary>Takes the values of a newer fact of the same incident.</summary>
    public void CopyFrom(IncidentFact newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        (OccurredOn, CityCode, StationCode, Violations, Perpetrators, Nationalities, People) =
            (newer.OccurredOn, newer.CityCode, newer.StationCode, newer.Violations, newer.Perpetrators, newer.Nationalities, newer.People);
        (DaysDetained, MoneyExtortedMinor, Currency, DocumentsTaken, DocumentsReturned, ReportingDelayDays, NoComplaint, UpdatedAtUtc) =
            (newer.DaysDetained, newer.MoneyExtortedMinor, newer.Currency, newer.DocumentsTaken, newer.DocumentsReturned, newer.ReportingDelayDays, newer.NoComplaint, newer.UpdatedAtUtc);
    }

    private void Take(Incident incident, List<string> nationalities, DateOnly recordedOn, DateTime nowUtc)
    {
        OccurredOn = incident.OccurredOn;
        CityCode = incident.CityCode;
        StationCode = incident.StationCode;
        Violations = string.Join(' ', incident.Violations.Select(v => v.Code).Distinct().Order(StringComparer.Ordinal));
        Perpetrators = string.Join(' ', incident.Perpetrators.Select(p => p.CategoryCode).Distinct().Order(StringComparer.Ordinal));
        Nationalities = string.Join(' ', nationalities);
        People = nationalities.Count;
        DaysDetained = incident.DaysDetained;
        (MoneyExtortedMinor, Currency) = incident.MoneyExtortedMinor is > 0 ? (incident.MoneyExtortedMinor, incident.Currency) : (null, null);
        DocumentsTaken = incident.DocumentsTaken;
        DocumentsReturned = incident.DocumentsTaken ? incident.DocumentsReturned : null;
        ReportingDelayDays = Math.Max(0, recordedOn.DayNumber - incident.OccurredOn.DayNumber);
        NoComplaint = incident.ComplaintCode == NoComplaintCode;
        UpdatedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }
}
