using Amanat.Core.Vocabularies;

namespace Amanat.Core.Incidents;

/// <summary>
/// What a recorded incident must satisfy. Returns every problem at once, each with the form field it
/// belongs to and the key of its localized message, so that the page can show them beside the fields.
/// </summary>
public static class IncidentRules
{
    public const int MaxNarrativeLength = 20_000;
    public const int MaxNoteLength = 2_000;
    public const int MaxIdentifierLength = 200;
    public const int MaxDays = 3_650;
    public const int MaxPeople = 1_000;
    public static readonly IReadOnlyList<string> Currencies = ["KZT", "UZS", "KGS", "TJS", "RUB", "USD", "EUR"];

    /// <summary>
    /// The lists and their entries are there. A form always sends them, JSON may say <c>null</c> where a list,
    /// a perpetrator, a person or a code belongs; such a draft is refused before any other rule looks at it.
    /// </summary>
    public static IReadOnlyList<RuleError> CheckShape(IncidentDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<RuleError>();
        if (draft.Violations is null || draft.Violations.Any(v => v is null))
        {
            errors.Add(new RuleError(nameof(IncidentDraft.Violations), "Rule.NotValid"));
        }

        if (draft.Perpetrators is null)
        {
            errors.Add(new RuleError(nameof(IncidentDraft.Perpetrators), "Rule.NotValid"));
        }
        else
        {
            errors.AddRange(draft.Perpetrators.Select((p, i) => (p, i)).Where(x => x.p is null).Select(x => new RuleError($"Perpetrators[{x.i}]", "Rule.NotValid")));
        }

        if (draft.People is null)
        {
            errors.Add(new RuleError(nameof(IncidentDraft.People), "Rule.NotValid"));
        }
        else
        {
            errors.AddRange(draft.People.Select((p, i) => (p, i)).Where(x => x.p?.Consents is null).Select(x => new RuleError($"People[{x.i}]", "Rule.NotValid")));
        }

        return errors;
    }

    public static IReadOnlyList<RuleError> Check(IncidentDraft draft, VocabularyList vocabulary, DateOnly today, IReadOnlyCollection<string>? codesInUse = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (CheckShape(draft) is { Count: > 0 } shape)
        {
            return shape;
        }

        var errors = new List<RuleError>();
        var inUse = codesInUse ?? [];
        void Add(string field, string key) => errors.Add(new RuleError(field, key));
        void Code(string field, VocabularyKind kind, string? code, bool required)
        {
            if (string.IsNullOrEmpty(code))
            {
                if (required)
                {
                    Add(field, "Rule.Required");
                }
            }
            else if (!vocabulary.IsActive(kind, code) && !(inUse.Contains(code) && vocabulary.Exists(kind, code)))
            {
                Add(field, "Rule.UnknownCode");
            }
        }

        void Text(string field, string? value, int max)
        {
            if (value is not null && value.Length > max)
            {
                Add(field, "Rule.TooLong");
            }
        }

        void Range(string field, long? value, long max)
        {
            if (value is < 0)
            {
                Add(field, "Rule.Negative");
            }
            else if (value > max)
            {
                Add(field, "Rule.TooLarge");
            }
        }

        if (draft.OccurredOn is not { } occurred)
        {
            Add(nameof(IncidentDraft.OccurredOn), "Rule.Required");
        }
        else if (occurred > today)
        {
            Add(nameof(IncidentDraft.OccurredOn), "Rule.FutureDate");
        }

        if (draft.EndedOn is { } ended)
        {
            if (ended > today)
            {
                Add(nameof(IncidentDraft.EndedOn), "Rule.FutureDate");
            }
            else if (draft.OccurredOn is { } start && ended < start)
            {
                Add(nameof(IncidentDraft.EndedOn), "Incident.Error.EndBeforeStart");
            }
        }

        Range(nameof(IncidentDraft.DurationDays), draft.DurationDays, MaxDays);
        Range(nameof(IncidentDraft.DaysDetained), draft.DaysDetained, MaxDays);
        Range(nameof(IncidentDraft.UnnamedPeople), draft.UnnamedPeople, MaxPeople);
        Code(nameof(IncidentDraft.CityCode), VocabularyKind.City, draft.CityCode, required: true);
        Code(nameof(IncidentDraft.PlaceCode), VocabularyKind.Place, draft.PlaceCode, required: false);
        Code(nameof(IncidentDraft.StationCode), VocabularyKind.Station, draft.StationCode, required: false);
        Text(nameof(IncidentDraft.PlaceNote), draft.PlaceNote, MaxNoteLength);

        if (draft.Violations.Count == 0)
        {
            Add(nameof(IncidentDraft.Violations), "Incident.Error.NoViolation");
        }

        foreach (var code in draft.Violations.Where(c => !vocabulary.IsActive(VocabularyKind.Violation, c) && !(inUse.Contains(c) && vocabulary.Exists(VocabularyKind.Violation, c))))
        {
            Add(nameof(IncidentDraft.Violations), "Rule.UnknownCode");
        }

        for (var i = 0; i < draft.Perpetrators.Count; i++)
        {
            var p = draft.Perpetrators[i];
            var prefix = $"Perpetrators[{i}].";
            Code(prefix + nameof(PerpetratorDraft.CategoryCode), VocabularyKind.Perpetrator, p.CategoryCode, required: true);
            Code(prefix + nameof(PerpetratorDraft.InvolvementCode), VocabularyKind.Involvement, p.InvolvementCode, required: false);
            if (p.Count is not null && p.Count is < 1 or > MaxPeople)
            {
                Add(prefix + nameof(PerpetratorDraft.Count), "Rule.OutOfRange");
            }

            foreach (var (name, value) in new[] { (nameof(p.Name), p.Name), (nameof(p.Rank), p.Rank), (nameof(p.Badge), p.Badge), (nameof(p.Phones), p.Phones), (nameof(p.Plate), p.Plate), (nameof(p.Vehicle), p.Vehicle) })
            {
                Text(prefix + name, value, MaxIdentifierLength);
            }

            Text(prefix + nameof(p.Description), p.Description, MaxNoteLength);
        }

        for (var i = 0; i < draft.People.Count; i++)
        {
            Text($"People[{i}].{nameof(PersonDraft.WorkingName)}", draft.People[i].WorkingName, Members.Member.MaxWorkingNameLength);
            foreach (var scope in draft.People[i].Consents.Keys.Where(s => !vocabulary.Exists(VocabularyKind.Consent, s)))
            {
                Add($"People[{i}].Consents", "Rule.UnknownCode");
            }
        }

        if (draft.People.Count == 0 && draft.UnnamedPeople == 0)
        {
            Add(nameof(IncidentDraft.People), "Incident.Error.NoPeople");
        }

        if (draft.MoneyExtortedMinor is not null)
        {
            Range(nameof(IncidentDraft.MoneyExtortedMinor), draft.MoneyExtortedMinor, 1_000_000_000_000);
            if (draft.Currency is null)
            {
                Add(nameof(IncidentDraft.Currency), "Rule.Required");
            }
        }

        if (draft.Currency is not null && !Currencies.Contains(draft.Currency))
        {
            Add(nameof(IncidentDraft.Currency), "Rule.UnknownCode");
        }

        if (!draft.DocumentsTaken && draft.DocumentsReturned is not null)
        {
            Add(nameof(IncidentDraft.DocumentsReturned), "Incident.Error.ReturnedNotTaken");
        }

        Text(nameof(IncidentDraft.Injuries), draft.Injuries, MaxNoteLength);
        Code(nameof(IncidentDraft.ComplaintCode), VocabularyKind.Complaint, draft.ComplaintCode, required: false);
        Code(nameof(IncidentDraft.OutcomeCode), VocabularyKind.Outcome, draft.OutcomeCode, required: false);
        Text(nameof(IncidentDraft.ComplaintNote), draft.ComplaintNote, MaxNoteLength);
        Code(nameof(IncidentDraft.SourceCode), VocabularyKind.Source, draft.SourceCode, required: false);
        Code(nameof(IncidentDraft.ReliabilityCode), VocabularyKind.Reliability, draft.ReliabilityCode, required: false);
        Text(nameof(IncidentDraft.Narrative), draft.Narrative, MaxNarrativeLength);
        if (!Enum.IsDefined(draft.Status))
        {
            Add(nameof(IncidentDraft.Status), "Rule.UnknownCode");
        }

        return errors;
    }
}

/// <summary>One refusal: the form field and the key of its localized message.</summary>
public sealed record RuleError(string Field, string MessageKey);
