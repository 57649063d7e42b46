using System.Globalization;
using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Incidents;

/// <summary>
/// A violation as the centre recorded it: when, where, who was affected, what was done to them and by
/// whom, what followed, what she decided, and her consent. Free text and identifiers are encrypted
/// under the incident's own key (see the configuration); codes, dates and counts stay in the clear for
/// filters and statistics.
/// </summary>
public sealed class Incident : Entity, IEncryptedRecord
{
    private Incident()
    {
    }

    private Incident(Guid id, Guid createdById, DateTime nowUtc)
        : base(id)
    {
        CreatedById = createdById;
        CreatedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public Guid CreatedById { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public int Version { get; private set; }

    public DateOnly OccurredOn { get; private set; }

    public TimeOnly? OccurredAt { get; private set; }

    public int? DurationDays { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public string CityCode { get; private set; } = string.Empty;

    public string? PlaceCode { get; private set; }

    public string? StationCode { get; private set; }

    public string? PlaceNote { get; private set; }

    public int UnnamedPeople { get; private set; }

    public int? DaysDetained { get; private set; }

    public bool DocumentsTaken { get; private set; }

    public bool? DocumentsReturned { get; private set; }

    public long? MoneyExtortedMinor { get; private set; }

    public string? Currency { get; private set; }

    public string? Injuries { get; private set; }

    public string? ComplaintCode { get; private set; }

    public string? OutcomeCode { get; private set; }

    public string? ComplaintNote { get; private set; }

    public string? SourceCode { get; private set; }

    public string? ReliabilityCode { get; private set; }

    public IncidentStatus Status { get; private set; }

    public Guid? AssignedLawyerId { get; private set; }

    public string? Narrative { get; private set; }

    /// <summary>True while any of the incident's free texts (the story and its notes) is kept.</summary>
    public bool HasStory => Narrative is not null || PlaceNote is not null || Injuries is not null || ComplaintNote is not null;

    /// <summary>
    /// Retention: the story and the notes (place, injuries, complaint) and the perpetrators' descriptions are
    /// removed; the coded facts stay, so the incident is still counted and found by its codes.
    /// </summary>
    public void RemoveStory()
    {
        Narrative = null;
        PlaceNote = null;
        Injuries = null;
        ComplaintNote = null;
        foreach (var perpetrator in Perpetrators)
        {
            perpetrator.RemoveDescription();
        }
    }

    public List<IncidentViolation> Violations { get; private set; } = [];

    public List<Perpetrator> Perpetrators { get; private set; } = [];

    public List<AffectedPerson> People { get; private set; } = [];

    public List<IncidentShare> Shares { get; private set; } = [];

    public Guid KeyOwnerId => Id;

    /// <summary>Everyone affected: named people plus the unnamed count.</summary>
    public int PeopleCount => People.Count + UnnamedPeople;

    public static Incident Start(Guid createdById, DateTime nowUtc) => new(Guid.CreateVersion7(nowUtc), createdById, nowUtc);

    /// <summary>
    /// Takes a checked draft (see <see cref="IncidentRules"/>); people are matched by id so that their
    /// consent history stays. Returns the fields whose values changed, before and after.
    /// </summary>
    public IReadOnlyList<FieldChange> Apply(IncidentDraft draft, IReadOnlyDictionary<int, Guid> newMembers, Guid byUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(newMembers);
        var before = Snapshot();
        OccurredOn = draft.OccurredOn ?? throw new DomainException("Rule.Required");
        OccurredAt = draft.OccurredAt;
        DurationDays = draft.DurationDays;
        EndedOn = draft.EndedOn;
        CityCode = draft.CityCode ?? throw new DomainException("Rule.Required");
        PlaceCode = draft.PlaceCode;
        StationCode = draft.StationCode;
        PlaceNote = Blank(draft.PlaceNote);
        UnnamedPeople = draft.UnnamedPeople;
        DaysDetained = draft.DaysDetained;
        DocumentsTaken = draft.DocumentsTaken;
        DocumentsReturned = draft.DocumentsTaken ? draft.DocumentsReturned : null;
        MoneyExtortedMinor = draft.MoneyExtortedMinor;
        Currency = draft.MoneyExtortedMinor is null ? null : draft.Currency;
        Injuries = Blank(draft.Injuries);
        ComplaintCode = draft.ComplaintCode;
        OutcomeCode = draft.OutcomeCode;
        ComplaintNote = Blank(draft.ComplaintNote);
        SourceCode = draft.SourceCode;
        ReliabilityCode = draft.ReliabilityCode;
        Status = draft.Status;
        Narrative = Blank(draft.Narrative);

        Violations = [.. draft.Violations.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(code => new IncidentViolation(Id, code))];
        Perpetrators = [.. draft.Perpetrators.Where(p => !p.IsEmpty).Select(p => new Perpetrator(Id, p))];
        var kept = new List<AffectedPerson>();
        for (var i = 0; i < draft.People.Count; i++)
        {
            var person = draft.People[i];
            var existing = person.Id is { } id ? People.FirstOrDefault(x => x.Id == id) : null;
            existing ??= new AffectedPerson(Id, person.MemberId ?? (newMembers.TryGetValue(i, out var created) ? created : null));
            existing.SetConsents(person.Consents, byUserId, nowUtc);
            kept.Add(existing);
        }

        People = kept;
        UpdatedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
        Version++;
        var after = Snapshot();
        return [.. before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => new FieldChange(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))];
    }

    /// <summary>
    /// The incident as a draft again: what the edit form starts from and what the API returns. People carry
    /// their record and member ids and consents; their working names live on the member records.
    /// </summary>
    public IncidentDraft ToDraft() => new()
    {
        OccurredOn = OccurredOn,
        OccurredAt = OccurredAt,
        DurationDays = DurationDays,
        EndedOn = EndedOn,
        CityCode = CityCode,
        PlaceCode = PlaceCode,
        StationCode = StationCode,
        PlaceNote = PlaceNote,
        UnnamedPeople = UnnamedPeople,
        Violations = [.. Violations.Select(v => v.Code)],
        Perpetrators = [.. Perpetrators.Select(p => p.ToDraft())],
        People = [.. People.Select(p => new PersonDraft { Id = p.Id, MemberId = p.MemberId, Consents = p.Consents.Select(c => c.Scope).Distinct(StringComparer.Ordinal).ToDictionary(s => s, p.Consent, StringComparer.Ordinal) })],
        DaysDetained = DaysDetained,
        DocumentsTaken = DocumentsTaken,
        DocumentsReturned = DocumentsReturned,
        MoneyExtortedMinor = MoneyExtortedMinor,
        Currency = Currency,
        Injuries = Injuries,
        ComplaintCode = ComplaintCode,
        OutcomeCode = OutcomeCode,
        ComplaintNote = ComplaintNote,
        SourceCode = SourceCode,
        ReliabilityCode = ReliabilityCode,
        Status = Status,
        Narrative = Narrative,
    };

    public void AssignLawyer(Guid? lawyerId, DateTime nowUtc)
    {
        AssignedLawyerId = lawyerId;
        UpdatedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    /// <summary>Shares the incident with another outreach worker (a hand-over, or working on it together).</summary>
    public void ShareWith(Guid userId)
    {
        if (userId != CreatedById && Shares.All(x => x.UserId != userId))
        {
            Shares.Add(new IncidentShare(Id, userId));
        }
    }

    /// <summary>Every field as text, for the history of changes and the version hash.</summary>
    public IReadOnlyDictionary<string, string?> Snapshot()
    {
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            [nameof(OccurredOn)] = OccurredOn == default ? null : OccurredOn.ToString("O", CultureInfo.InvariantCulture),
            [nameof(OccurredAt)] = OccurredAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
            [nameof(DurationDays)] = Text(DurationDays),
            [nameof(EndedOn)] = EndedOn?.ToString("O", CultureInfo.InvariantCulture),
            [nameof(CityCode)] = CityCode.Length == 0 ? null : CityCode,
            [nameof(PlaceCode)] = PlaceCode,
            [nameof(StationCode)] = StationCode,
            [nameof(PlaceNote)] = PlaceNote,
            [nameof(UnnamedPeople)] = Text(UnnamedPeople),
            [nameof(DaysDetained)] = Text(DaysDetained),
            [nameof(DocumentsTaken)] = DocumentsTaken ? "yes" : "no",
            [nameof(DocumentsReturned)] = DocumentsReturned is null ? null : DocumentsReturned.Value ? "yes" : "no",
            [nameof(MoneyExtortedMinor)] = MoneyExtortedMinor is null ? null : $"{Text(MoneyExtortedMinor)} {Currency}",
            [nameof(Injuries)] = Injuries,
            [nameof(ComplaintCode)] = ComplaintCode,
            [nameof(OutcomeCode)] = OutcomeCode,
            [nameof(ComplaintNote)] = ComplaintNote,
            [nameof(SourceCode)] = SourceCode,
            [nameof(ReliabilityCode)] = ReliabilityCode,
            [nameof(Status)] = Status.ToString(),
            [nameof(Narrative)] = Narrative,
            [nameof(Violations)] = Violations.Count == 0 ? null : string.Join(", ", Violations.Select(v => v.Code)),
            [nameof(People)] = People.Count == 0 ? null : string.Join("; ", People.Select(p => p.Describe())),
        };
        for (var i = 0; i < Perpetrators.Count; i++)
        {
            values[$"{nameof(Perpetrators)}[{i + 1}]"] = Perpetrators[i].Describe();
        }

        return values;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One violation code of an incident.</summary>
public sealed class IncidentViolation
{
    private IncidentViolation()
    {
    }

    public IncidentViolation(Guid incidentId, string code)
    {
        IncidentId = incidentId;
        Code = code;
    }

    public Guid IncidentId { get; private set; }

    public string Code { get; private set; } = string.Empty;
}

/// <summary>An outreach worker, besides its author, who may read and edit the incident.</summary>
public sealed class IncidentShare
{
    private IncidentShare()
    {
    }

    public IncidentShare(Guid incidentId, Guid userId)
    {
        IncidentId = incidentId;
        UserId = userId;
    }

    public Guid IncidentId { get; private set; }

    public Guid UserId { get; private set; }
}

/// <summary>A field that changed in one version: its name, and the values before and after (shown only to those allowed).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
