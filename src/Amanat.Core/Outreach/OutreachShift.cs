using Amanat.Core.Common;
using Amanat.Core.Incidents;
using Amanat.Core.Vocabularies;

namespace Amanat.Core.Outreach;

/// <summary>
/// One outreach shift's tally, for donor reports: how many people were reached — by UIC where she gave it
/// (only its keyed hash is kept, to tell new from returning), otherwise an anonymous count — and the
/// materials handed out. No names, no notes about anyone.
/// </summary>
public sealed class OutreachShift : Entity
{
    public const int MaxCount = 10_000;

    private OutreachShift()
    {
    }

    public OutreachShift(OutreachDraft draft, IReadOnlyList<OutreachContact> contacts, Guid byId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(contacts);
        Date = draft.Date ?? throw new DomainException("Rule.Required");
        CityCode = draft.CityCode ?? throw new DomainException("Rule.Required");
        PlaceCode = string.IsNullOrEmpty(draft.PlaceCode) ? null : draft.PlaceCode;
        AnonymousNew = draft.AnonymousNew ?? 0;
        AnonymousReturning = draft.AnonymousReturning ?? 0;
        Condoms = draft.Condoms ?? 0;
        Lubricants = draft.Lubricants ?? 0;
        Leaflets = draft.Leaflets ?? 0;
        Other = draft.Other ?? 0;
        Contacts = [.. contacts];
        ById = byId;
        CreatedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public DateOnly Date { get; private set; }

    public string CityCode { get; private set; } = string.Empty;

    public string? PlaceCode { get; private set; }

    public int AnonymousNew { get; private set; }

    public int AnonymousReturning { get; private set; }

    public int Condoms { get; private set; }

    public int Lubricants { get; private set; }

    public int Leaflets { get; private set; }

    public int Other { get; private set; }

    public List<OutreachContact> Contacts { get; private set; } = [];

    public Guid ById { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public int KnownNew => Contacts.Count(c => c.IsNew);

    public int KnownReturning => Contacts.Count(c => !c.IsNew);

    public int PeopleReached => AnonymousNew + AnonymousReturning + Contacts.Count;
}

/// <summary>A person reached on a shift, known only by the keyed hash of her UIC; new if never seen before.</summary>
public sealed class OutreachContact
{
    private OutreachContact()
    {
    }

    public OutreachContact(byte[] uicIndex, bool isNew)
    {
        UicIndex = uicIndex;
        IsNew = isNew;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ShiftId { get; private set; }

    public byte[] UicIndex { get; private set; } = [];

    public bool IsNew { get; private set; }
}

/// <summary>A shift's tally as the form sends it; the UIC parts are turned into hashes and dropped.</summary>
public sealed record OutreachDraft
{
    public DateOnly? Date { get; init; }

    public string? CityCode { get; init; }

    public string? PlaceCode { get; init; }

    public int? AnonymousNew { get; init; }

    public int? AnonymousReturning { get; init; }

    public int? Condoms { get; init; }

    public int? Lubricants { get; init; }

    public int? Leaflets { get; init; }

    public int? Other { get; init; }

    public IReadOnlyList<Members.UicParts> People { get; init; } = [];

    public static IReadOnlyList<RuleError> Check(OutreachDraft draft, VocabularyList vocabulary, DateOnly today, string formula)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var errors = new List<RuleError>();
        if (draft.Date is not { } date)
        {
            errors.Add(new(nameof(Date), "Rule.Required"));
        }
        else if (date > today)
        {
            errors.Add(new(nameof(Date), "Rule.FutureDate"));
        }

        if (string.IsNullOrEmpty(draft.CityCode))
        {
            errors.Add(new(nameof(CityCode), "Rule.Required"));
        }
        else if (!vocabulary.Exists(VocabularyKind.City, draft.CityCode))
        {
            errors.Add(new(nameof(CityCode), "Rule.UnknownCode"));
        }

        if (!string.IsNullOrEmpty(draft.PlaceCode) && !vocabulary.Exists(VocabularyKind.Place, draft.PlaceCode))
        {
            errors.Add(new(nameof(PlaceCode), "Rule.UnknownCode"));
        }

        foreach (var (field, value) in new[] { (nameof(AnonymousNew), draft.AnonymousNew), (nameof(AnonymousReturning), draft.AnonymousReturning), (nameof(Condoms), draft.Condoms), (nameof(Lubricants), draft.Lubricants), (nameof(Leaflets), draft.Leaflets), (nameof(Other), draft.Other) })
        {
            if (value is < 0 or > OutreachShift.MaxCount)
            {
                errors.Add(new(field, "Rule.OutOfRange"));
            }
        }

        for (var i = 0; i < draft.People.Count; i++)
        {
            if (!draft.People[i].IsEmpty && Members.Uic.Compose(draft.People[i], formula) is null)
            {
                errors.Add(new($"People[{i}]", "Member.Error.UicPart"));
            }
        }

        if (errors.Count == 0 && (draft.AnonymousNew ?? 0) + (draft.AnonymousReturning ?? 0) + draft.People.Count(p => !p.IsEmpty) == 0)
        {
            errors.Add(new(nameof(AnonymousNew), "Outreach.Error.NobodyReached"));
        }

        return errors;
    }
}
