using Amanat.Core.Common;
using Amanat.Core.Incidents;
using Amanat.Core.Members;
using Amanat.Core.Vocabularies;

namespace Amanat.Core.Providers;

/// <summary>What kind of help a friendly provider gives.</summary>
public enum ProviderKind
{
    Clinic = 1,
    Doctor,
    Lawyer,
    Shelter,
    Hotline,
    Consulate,
    Other,
}

/// <summary>What it costs a member.</summary>
public enum ProviderCost
{
    Unknown = 0,
    Free,
    LowCost,
    Paid,
}

/// <summary>
/// A friendly provider: a clinic, doctor, lawyer, shelter, hotline or consulate the centre trusts. Not
/// personal data about members, so it is stored in the clear: the public ones are published on
/// <c>/help</c> (which works even while the server is sealed). Retired, never deleted: referrals point here.
/// </summary>
public sealed class Provider : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 500;

    private Provider()
    {
    }

    public Provider(ProviderDraft draft, DateTime nowUtc)
    {
        CreatedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
        Apply(draft, nowUtc);
    }

    public string Name { get; private set; } = string.Empty;

    public ProviderKind Kind { get; private set; }

    public string CityCode { get; private set; } = string.Empty;

    public string? Address { get; private set; }

    public string? Contact { get; private set; }

    public string? Hours { get; private set; }

    /// <summary>Languages spoken there, as codes separated by spaces (<see cref="MemberLanguages"/>).</summary>
    public string? Languages { get; private set; }

    public bool NoDocumentsNeeded { get; private set; }

    public ProviderCost Cost { get; private set; }

    /// <summary>What the public page says about it, in the centre's words.</summary>
    public string? PublicNote { get; private set; }

    /// <summary>For staff only: whom to ask for, what to watch out for.</summary>
    public string? StaffNote { get; private set; }

    public bool IsPublic { get; private set; }

    public DateTime? RetiredAtUtc { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public bool IsRetired => RetiredAtUtc is not null;

    public void Apply(ProviderDraft draft, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Name = draft.Name?.Trim() ?? throw new DomainException("Rule.Required");
        Kind = draft.Kind ?? throw new DomainException("Rule.Required");
        CityCode = draft.CityCode ?? throw new DomainException("Rule.Required");
        Address = Blank(draft.Address);
        Contact = Blank(draft.Contact);
        Hours = Blank(draft.Hours);
        Languages = MemberLanguages.Join(draft.Languages);
        NoDocumentsNeeded = draft.NoDocumentsNeeded;
        Cost = draft.Cost;
        PublicNote = Blank(draft.PublicNote);
        StaffNote = Blank(draft.StaffNote);
        IsPublic = draft.IsPublic;
        UpdatedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public void Retire(DateTime nowUtc) => RetiredAtUtc ??= UtcTime.Require(nowUtc, nameof(nowUtc));

    public void Restore() => RetiredAtUtc = null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A provider as the directory form sends it.</summary>
public sealed record ProviderDraft
{
    public string? Name { get; init; }

    public ProviderKind? Kind { get; init; }

    public string? CityCode { get; init; }

    public string? Address { get; init; }

    public string? Contact { get; init; }

    public string? Hours { get; init; }

    public IReadOnlyList<string> Languages { get; init; } = [];

    public bool NoDocumentsNeeded { get; init; }

    public ProviderCost Cost { get; init; }

    public string? PublicNote { get; init; }

    public string? StaffNote { get; init; }

    public bool IsPublic { get; init; }

    public static IReadOnlyList<RuleError> Check(ProviderDraft draft, VocabularyList vocabulary)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var errors = new List<RuleError>();
        void Text(string field, string? value, int max)
        {
            if (value?.Trim().Length > max)
            {
                errors.Add(new(field, "Rule.TooLong"));
            }
        }

        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            errors.Add(new(nameof(Name), "Rule.Required"));
        }

        if (draft.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(new(nameof(Kind), "Rule.Required"));
        }

        if (string.IsNullOrEmpty(draft.CityCode))
        {
            errors.Add(new(nameof(CityCode), "Rule.Required"));
        }
        else if (!vocabulary.Exists(VocabularyKind.City, draft.CityCode))
        {
            errors.Add(new(nameof(CityCode), "Rule.UnknownCode"));
        }

        if (!Enum.IsDefined(draft.Cost))
        {
            errors.Add(new(nameof(Cost), "Rule.UnknownCode"));
        }

        if (draft.Languages.Any(l => !MemberLanguages.All.Contains(l)))
        {
            errors.Add(new(nameof(Languages), "Rule.UnknownCode"));
        }

        Text(nameof(Name), draft.Name, Provider.MaxNameLength);
        foreach (var (field, value) in new[] { (nameof(Address), draft.Address), (nameof(Contact), draft.Contact), (nameof(Hours), draft.Hours), (nameof(PublicNote), draft.PublicNote), (nameof(StaffNote), draft.StaffNote) })
        {
            Text(field, value, Provider.MaxTextLength);
        }

        return errors;
    }
}
