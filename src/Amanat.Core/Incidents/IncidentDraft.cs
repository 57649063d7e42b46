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

/// <summary>
/// The incident's fields for input — the only place that names them. The staff form binds to it
/// (<c>Input.*</c>), the API reads and returns it as JSON, the demo data and the self-report conversion build
/// it, and <see cref="Incident.ToDraft"/> gives an incident back as one. What a person typed stays as typed
/// (a refused form comes back with it); <see cref="Normalised"/> tidies it once before the rules look at it.
/// </summary>
public sealed record IncidentDraft
{
    public DateOnly? OccurredOn { get; set; }

    public TimeOnly? OccurredAt { get; set; }

    /// <summary>How long it lasted, in days ("held six days"); or <see cref="EndedOn"/>.</summary>
    public int? DurationDays { get; set; }

    public DateOnly? EndedOn { get; set; }

    public string? CityCode { get; set; }

    public string? PlaceCode { get; set; }

    public string? StationCode { get; set; }

    public string? PlaceNote { get; set; }

    /// <summary>People affected whom nobody named (e.g. "seven women").</summary>
    public int UnnamedPeople { get; set; }

    public List<string> Violations { get; set; } = [];

    public List<PerpetratorDraft> Perpetrators { get; set; } = [];

    public List<PersonDraft> People { get; set; } = [];

    public int? DaysDetained { get; set; }

    public bool DocumentsTaken { get; set; }

    /// <summary>Whether the documents came back; null: not known.</summary>
    public bool? DocumentsReturned { get; set; }

    /// <summary>Money extorted, in minor units (tiyn, kopeks, cents) of <see cref="Currency"/>.</summary>
    public long? MoneyExtortedMinor { get; set; }

    /// <summary>
    /// The same amount in major units, as a person types it on the form ("5000" or "5000,50"); not part of the
    /// JSON, which carries <see cref="MoneyExtortedMinor"/>. An amount too large for the minor units becomes one
    /// the rules refuse.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public decimal? MoneyExtorted
    {
        get => MoneyExtortedMinor / 100m;
        set => MoneyExtortedMinor = value is not { } major ? null
            : Math.Abs(major) >= MaxMajorUnits ? (major < 0 ? long.MinValue : long.MaxValue)
            : (long)Math.Round(major * 100m, MidpointRounding.AwayFromZero);
    }

    public string? Currency { get; set; }

    public string? Injuries { get; set; }

    public string? ComplaintCode { get; set; }

    public string? OutcomeCode { get; set; }

    public string? ComplaintNote { get; set; }

    public string? SourceCode { get; set; }

    public string? ReliabilityCode { get; set; }

    public IncidentStatus Status { get; set; }

    public string? Narrative { get; set; }

    private const decimal MaxMajorUnits = long.MaxValue / 100m;

    /// <summary>
    /// A copy tidied once for the rules, whichever way it came (form, API, demo): codes without surrounding
    /// spaces and blank codes as none, empty or repeated violation ticks dropped, a blank working name as no
    /// name. Free text is kept as typed (the incident trims it when it takes it).
    /// </summary>
    public IncidentDraft Normalised() => this with
    {
        CityCode = Code(CityCode),
        PlaceCode = Code(PlaceCode),
        StationCode = Code(StationCode),
        Violations = [.. Violations.OfType<string>().Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal)],
        Perpetrators = [.. Perpetrators.OfType<PerpetratorDraft>().Select(p => p with { CategoryCode = Code(p.CategoryCode), InvolvementCode = Code(p.InvolvementCode) })],
        People = [.. People.OfType<PersonDraft>().Select(p => p with { WorkingName = string.IsNullOrWhiteSpace(p.WorkingName) ? null : p.WorkingName.Trim() })],
        Currency = Code(Currency),
        ComplaintCode = Code(ComplaintCode),
        OutcomeCode = Code(OutcomeCode),
        SourceCode = Code(SourceCode),
        ReliabilityCode = Code(ReliabilityCode),
    };

    /// <summary>A new incident's form: today, her own account as the source, one person (the member if known) and one perpetrator to fill in.</summary>
    public static IncidentDraft New(DateOnly today, PersonDraft? person = null) => new()
    {
        OccurredOn = today,
        SourceCode = "SELF",
        ReliabilityCode = "FIRST",
        People = [person ?? new PersonDraft()],
        Perpetrators = [new PerpetratorDraft()],
    };

    /// <summary>A new incident suggested by a self-report: her choices mapped to codes, her consents as she gave them.</summary>
    public static IncidentDraft FromSelfReport(SelfReports.SelfReportContent report, DateOnly receivedOn)
    {
        ArgumentNullException.ThrowIfNull(report);
        var needsHelp = report.Needs.Any(n => n != SelfReports.SelfReportChoices.NothingNeeded);
        return new IncidentDraft
        {
            OccurredOn = report.When ?? receivedOn,
            CityCode = report.CityCode,
            Violations = [.. SelfReports.SelfReportMapping.Violations(report.What, report.Who)],
            Perpetrators =
            [
                new PerpetratorDraft
                {
                    CategoryCode = report.Who, Name = report.Name, Badge = report.Unit, Phones = report.Phone, Plate = report.Plate, Description = report.Description,
                },
            ],
            People = [new PersonDraft { Consents = SelfReports.SelfReportChoices.Scopes.ToDictionary(s => s, s => report.Consented(s) ? ConsentValue.Yes : ConsentValue.No, StringComparer.Ordinal) }],
            DocumentsTaken = report.What.Contains("DOCUMENTS"),
            SourceCode = "SELF",
            ReliabilityCode = "FIRST",
            Status = needsHelp ? IncidentStatus.NeedsFollowUp : IncidentStatus.Open,
            Narrative = report.Story,
        };
    }

    private static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record PerpetratorDraft
{
    public string? CategoryCode { get; set; }

    /// <summary>How many; null when not known.</summary>
    public int? Count { get; set; }

    public string? InvolvementCode { get; set; }

    public string? Name { get; set; }

    public string? Rank { get; set; }

    public string? Badge { get; set; }

    public string? Phones { get; set; }

    public string? Plate { get; set; }

    public string? Vehicle { get; set; }

    public string? Description { get; set; }

    public bool IsEmpty =>
        new[] { CategoryCode, InvolvementCode, Name, Rank, Badge, Phones, Plate, Vehicle, Description }.All(string.IsNullOrWhiteSpace) && Count is null;
}

/// <summary>One person affected: an existing record (its id) or a working name for a new member, or nameless; and her consent.</summary>
public sealed record PersonDraft
{
    /// <summary>The existing person row when editing; empty for a new one.</summary>
    public Guid? Id { get; set; }

    public Guid? MemberId { get; set; }

    /// <summary>For a new person: the name she is known by (never a legal name). Empty: not named.</summary>
    public string? WorkingName { get; set; }

    /// <summary>Consent scope code → her answer.</summary>
    public Dictionary<string, ConsentValue> Consents { get; set; } = [];
}
