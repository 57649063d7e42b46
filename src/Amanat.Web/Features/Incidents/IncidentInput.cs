using Amanat.Core.Incidents;

namespace Amanat.Web.Features.Incidents;

/// <summary>
/// The incident form as posted: plain strings and numbers, so that whatever was typed comes back on a
/// refused form. <see cref="ToDraft"/> hands it to the domain rules.
/// </summary>
internal sealed class IncidentInput
{
    public DateOnly? OccurredOn { get; set; }

    public TimeOnly? OccurredAt { get; set; }

    public int? DurationDays { get; set; }

    public DateOnly? EndedOn { get; set; }

    public string? CityCode { get; set; }

    public string? PlaceCode { get; set; }

    public string? StationCode { get; set; }

    public string? PlaceNote { get; set; }

    public int UnnamedPeople { get; set; }

    public List<string> Violations { get; set; } = [];

    public List<PerpetratorInput> Perpetrators { get; set; } = [];

    public List<PersonInput> People { get; set; } = [];

    public int? DaysDetained { get; set; }

    public bool DocumentsTaken { get; set; }

    /// <summary>"yes", "no" or empty (not known).</summary>
    public string? DocumentsReturned { get; set; }

    /// <summary>In major units as typed ("5000" or "5000,50"); stored in minor units.</summary>
    public decimal? MoneyExtorted { get; set; }

    public string? Currency { get; set; }

    public string? Injuries { get; set; }

    public string? ComplaintCode { get; set; }

    public string? OutcomeCode { get; set; }

    public string? ComplaintNote { get; set; }

    public string? SourceCode { get; set; }

    public string? ReliabilityCode { get; set; }

    public IncidentStatus Status { get; set; }

    public string? Narrative { get; set; }

    public IncidentDraft ToDraft() => new()
    {
        OccurredOn = OccurredOn,
        OccurredAt = OccurredAt,
        DurationDays = DurationDays,
        EndedOn = EndedOn,
        CityCode = Code(CityCode),
        PlaceCode = Code(PlaceCode),
        StationCode = Code(StationCode),
        PlaceNote = PlaceNote,
        UnnamedPeople = UnnamedPeople,
        Violations = [.. Violations.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal)],
        Perpetrators = [.. Perpetrators.Select(p => p.ToDraft())],
        People = [.. People.Select(p => p.ToDraft())],
        DaysDetained = DaysDetained,
        DocumentsTaken = DocumentsTaken,
        DocumentsReturned = DocumentsReturned switch { "yes" => true, "no" => false, _ => null },
        MoneyExtortedMinor = MoneyExtorted is { } money ? (long)Math.Round(money * 100m, MidpointRounding.AwayFromZero) : null,
        Currency = Code(Currency),
        Injuries = Injuries,
        ComplaintCode = Code(ComplaintCode),
        OutcomeCode = Code(OutcomeCode),
        ComplaintNote = ComplaintNote,
        SourceCode = Code(SourceCode),
        ReliabilityCode = Code(ReliabilityCode),
        Status = Status,
        Narrative = Narrative,
    };

    public static IncidentInput From(Incident incident, IReadOnlyDictionary<Guid, string> workingNames)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(workingNames);
        return new IncidentInput
        {
            OccurredOn = incident.OccurredOn,
            OccurredAt = incident.OccurredAt,
            DurationDays = incident.DurationDays,
            EndedOn = incident.EndedOn,
            CityCode = incident.CityCode,
            PlaceCode = incident.PlaceCode,
            StationCode = incident.StationCode,
            PlaceNote = incident.PlaceNote,
            UnnamedPeople = incident.UnnamedPeople,
            Violations = [.. incident.Violations.Select(v => v.Code)],
            Perpetrators = [.. incident.Perpetrators.Select(PerpetratorInput.From)],
            People = [.. incident.People.Select(p => PersonInput.From(p, p.MemberId is { } m ? workingNames.GetValueOrDefault(m) : null))],
            DaysDetained = incident.DaysDetained,
            DocumentsTaken = incident.DocumentsTaken,
            DocumentsReturned = incident.DocumentsReturned is null ? null : incident.DocumentsReturned.Value ? "yes" : "no",
            MoneyExtorted = incident.MoneyExtortedMinor is { } minor ? minor / 100m : null,
            Currency = incident.Currency,
            Injuries = incident.Injuries,
            ComplaintCode = incident.ComplaintCode,
            OutcomeCode = incident.OutcomeCode,
            ComplaintNote = incident.ComplaintNote,
            SourceCode = incident.SourceCode,
            ReliabilityCode = incident.ReliabilityCode,
            Status = incident.Status,
            Narrative = incident.Narrative,
        };
    }

    /// <summary>A new incident suggested by a self-report: her choices mapped to codes, her consents as she gave them.</summary>
    public static IncidentInput FromSelfReport(Amanat.Core.SelfReports.SelfReportContent report, DateOnly receivedOn)
    {
        ArgumentNullException.ThrowIfNull(report);
        var needsHelp = report.Needs.Any(n => n != Amanat.Core.SelfReports.SelfReportChoices.NothingNeeded);
        return new IncidentInput
        {
            OccurredOn = report.When ?? receivedOn,
            CityCode = report.CityCode,
            Violations = [.. Amanat.Core.SelfReports.SelfReportMapping.Violations(report.What, report.Who)],
            Perpetrators =
            [
                new PerpetratorInput
                {
                    CategoryCode = report.Who, Name = report.Name, Badge = report.Unit, Phones = report.Phone, Plate = report.Plate, Description = report.Description,
                },
            ],
            People = [new PersonInput { Consents = Amanat.Core.SelfReports.SelfReportChoices.Scopes.ToDictionary(s => s, s => report.Consented(s) ? ConsentValue.Yes : ConsentValue.No) }],
            DocumentsTaken = report.What.Contains("DOCUMENTS"),
            SourceCode = "SELF",
            ReliabilityCode = "FIRST",
            Status = needsHelp ? IncidentStatus.NeedsFollowUp : IncidentStatus.Open,
            Narrative = report.Story,
        };
    }

    /// <summary>Where a rule's field lives in this form, for the message beside it.</summary>
    public static string FieldKey(string ruleField) => ruleField switch
    {
        nameof(IncidentDraft.MoneyExtortedMinor) => $"Input.{nameof(MoneyExtorted)}",
        _ => "Input." + ruleField,
    };

    private static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class PerpetratorInput
{
    public string? CategoryCode { get; set; }

    public int? Count { get; set; }

    public string? InvolvementCode { get; set; }

    public string? Name { get; set; }

    public string? Rank { get; set; }

    public string? Badge { get; set; }

    public string? Phones { get; set; }

    public string? Plate { get; set; }

    public string? Vehicle { get; set; }

    public string? Description { get; set; }

    public PerpetratorDraft ToDraft() => new()
    {
        CategoryCode = string.IsNullOrWhiteSpace(CategoryCode) ? null : CategoryCode,
        Count = Count,
        InvolvementCode = string.IsNullOrWhiteSpace(InvolvementCode) ? null : InvolvementCode,
        Name = Name, Rank = Rank, Badge = Badge, Phones = Phones, Plate = Plate, Vehicle = Vehicle, Description = Description,
    };

    public static PerpetratorInput From(Perpetrator perpetrator)
    {
        ArgumentNullException.ThrowIfNull(perpetrator);
        return new()
        {
            CategoryCode = perpetrator.CategoryCode, Count = perpetrator.Count, InvolvementCode = perpetrator.InvolvementCode,
            Name = perpetrator.Name, Rank = perpetrator.Rank, Badge = perpetrator.Badge, Phones = perpetrator.Phones,
            Plate = perpetrator.Plate, Vehicle = perpetrator.Vehicle, Description = perpetrator.Description,
        };
    }
}

internal sealed class PersonInput
{
    /// <summary>The existing person row when editing; empty for a new one.</summary>
    public Guid? Id { get; set; }

    public Guid? MemberId { get; set; }

    /// <summary>For a new person: the name she is known by (never a legal name). Empty: not named.</summary>
    public string? WorkingName { get; set; }

    /// <summary>Scope code → answer.</summary>
    public Dictionary<string, ConsentValue> Consents { get; set; } = [];

    public PersonDraft ToDraft() => new()
    {
        Id = Id,
        MemberId = MemberId,
        WorkingName = string.IsNullOrWhiteSpace(WorkingName) ? null : WorkingName.Trim(),
        Consents = Consents,
    };

    public static PersonInput From(AffectedPerson person, string? workingName)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new()
        {
            Id = person.Id,
            MemberId = person.MemberId,
            WorkingName = workingName,
            Consents = person.Consents.Select(c => c.Scope).Distinct(StringComparer.Ordinal).ToDictionary(s => s, person.Consent),
        };
    }
}
