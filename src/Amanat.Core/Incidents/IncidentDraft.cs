namespace Amanat.Core.Incidents;

public enum IncidentStatus
{
    Open = 0,
    NeedsFollowUp = 1,
    Closed = 2,
}

/// <summary>YES, NO or NOT-ASKED; not asked counts as no.</summary>
public enum ConsentValue
{
    NotAsked = 0,
    Yes = 1,
    No = 2,
}

/// <summary>Everything a person types into the incident form, before the rules have looked at it.</summary>
public sealed record IncidentDraft
{
    public DateOnly? OccurredOn { get; init; }

    public TimeOnly? OccurredAt { get; init; }

    /// <summary>How long it lasted, in days ("held six days"); or <see cref="EndedOn"/>.</summary>
    public int? DurationDays { get; init; }

    public DateOnly? EndedOn { get; init; }

    public string? CityCode { get; init; }

    public string? PlaceCode { get; init; }

    public string? StationCode { get; init; }

    public string? PlaceNote { get; init; }

    /// <summary>People affected whom nobody named (e.g. "seven women").</summary>
    public int UnnamedPeople { get; init; }

    public IReadOnlyList<string> Violations { get; init; } = [];

    public IReadOnlyList<PerpetratorDraft> Perpetrators { get; init; } = [];

    public IReadOnlyList<PersonDraft> People { get; init; } = [];

    public int? DaysDetained { get; init; }

    public bool DocumentsTaken { get; init; }

    public bool? DocumentsReturned { get; init; }

    /// <summary>Money extorted, in minor units (tiyn, kopeks, cents) of <see cref="Currency"/>.</summary>
    public long? MoneyExtortedMinor { get; init; }

    public string? Currency { get; init; }

    public string? Injuries { get; init; }

    public string? ComplaintCode { get; init; }

    public string? OutcomeCode { get; init; }

    public string? ComplaintNote { get; init; }

    public string? SourceCode { get; init; }

    public string? ReliabilityCode { get; init; }

    public IncidentStatus Status { get; init; }

    public string? Narrative { get; init; }
}

public sealed record PerpetratorDraft
{
    public string? CategoryCode { get; init; }

    /// <summary>How many; null when not known.</summary>
    public int? Count { get; init; }

    public string? InvolvementCode { get; init; }

    public string? Name { get; init; }

    public string? Rank { get; init; }

    public string? Badge { get; init; }

    public string? Phones { get; init; }

    public string? Plate { get; init; }

    public string? Vehicle { get; init; }

    public string? Description { get; init; }

    public bool IsEmpty =>
        new[] { CategoryCode, InvolvementCode, Name, Rank, Badge, Phones, Plate, Vehicle, Description }.All(string.IsNullOrWhiteSpace) && Count is null;
}

/// <summary>One person affected: an existing record (its id) or a working name for a new member, or nameless; and her consent.</summary>
public sealed record PersonDraft
{
    public Guid? Id { get; init; }

    public Guid? MemberId { get; init; }

    public string? WorkingName { get; init; }

    public IReadOnlyDictionary<string, ConsentValue> Consents { get; init; } = new Dictionary<string, ConsentValue>();
}
