using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Members;

/// <summary>
/// A member of the community the centre works with. For now the minimal record an incident needs: a
/// working name (never a legal name), encrypted under her own key. A later issue adds the rest.
/// </summary>
public sealed class Member : Entity, IEncryptedRecord
{
    public const int MaxWorkingNameLength = 100;
    public const int MaxContactLength = 200;
    public const int MaxNotesLength = 4_000;

    private Member()
    {
    }

    public Member(string workingName, Guid createdById, DateTime nowUtc)
    {
        Rename(workingName);
        CreatedById = createdById;
        CreatedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
        UpdatedAtUtc = CreatedAtUtc;
    }

    public string? WorkingName { get; private set; }

    /// <summary>The keyed hash of her UIC (<see cref="Uic"/>); the code and its parts are never stored.</summary>
    public byte[]? UicIndex { get; private set; }

    public int? BirthYear { get; private set; }

    public string? NationalityCode { get; private set; }

    /// <summary>Languages she speaks, as codes separated by spaces (<see cref="MemberLanguages"/>).</summary>
    public string? Languages { get; private set; }

    public string? CityCode { get; private set; }

    public ContactChannel? ContactChannel { get; private set; }

    /// <summary>How to reach her (a number, a Telegram name…): encrypted, with a blind index for the duplicate warning.</summary>
    public string? Contact { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>Her answer to the SERVICES consent scope: may the centre refer her to other services?</summary>
    public Incidents.ConsentValue ServicesConsent { get; private set; }

    public DateTime? ServicesConsentAtUtc { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public List<MemberShare> Shares { get; private set; } = [];

    public Guid KeyOwnerId => Id;

    public void Rename(string workingName)
    {
        var name = workingName?.Trim() ?? string.Empty;
        if (name.Length == 0 || name.Length > MaxWorkingNameLength)
        {
            throw new DomainException("Member.Error.WorkingName");
        }

        WorkingName = name;
    }

    /// <summary>Applies a checked draft (<see cref="MemberRules"/>). A new UIC replaces the old; none keeps it.</summary>
    public void Apply(MemberDraft draft, byte[]? uicIndex, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Rename(draft.WorkingName ?? string.Empty);
        UicIndex = uicIndex ?? UicIndex;
        BirthYear = draft.BirthYear;
        NationalityCode = Blank(draft.NationalityCode);
        Languages = MemberLanguages.Join(draft.Languages);
        CityCode = Blank(draft.CityCode);
        ContactChannel = draft.ContactChannel;
        Contact = Blank(draft.Contact);
        Notes = Blank(draft.Notes);
        if (draft.ServicesConsent != ServicesConsent)
        {
            ServicesConsent = draft.ServicesConsent;
            ServicesConsentAtUtc = nowUtc;
        }

        UpdatedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public void ShareWith(Guid userId)
    {
        if (userId != CreatedById && Shares.All(s => s.UserId != userId))
        {
            Shares.Add(new MemberShare(Id, userId));
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>How she prefers to be reached.</summary>
public enum ContactChannel
{
    Phone = 1,
    Telegram,
    WhatsApp,
    InPerson,
    NotToBeContacted,
}

/// <summary>An outreach worker, besides its author, who may read and edit the member's record (a handover).</summary>
public sealed class MemberShare
{
    private MemberShare()
    {
    }

    public MemberShare(Guid memberId, Guid userId)
    {
        MemberId = memberId;
        UserId = userId;
    }

    public Guid MemberId { get; private set; }

    public Guid UserId { get; private set; }
}

/// <summary>The languages a member may speak: the region's, plus "other".</summary>
public static class MemberLanguages
{
    public static readonly IReadOnlyList<string> All = ["ru", "kk", "uz", "ky", "tg", "tk", "en", "other"];

    /// <summary>The known codes, each once, in the order of <see cref="All"/>.</summary>
    public static string? Join(IEnumerable<string>? codes)
    {
        var given = (codes ?? []).ToHashSet(StringComparer.Ordinal);
        var known = All.Where(given.Contains).ToList();
        return known.Count == 0 ? null : string.Join(' ', known);
    }

    public static IReadOnlyList<string> Split(string? stored) => stored?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
}

/// <summary>A contact: a phone number to E.164 when it is one, otherwise the text case-folded (a Telegram name).</summary>
public sealed class ContactNormaliser : IIdentifierNormaliser
{
    private static readonly Identifiers.PhoneNormaliser Phone = new();

    public string Kind => "contact";

    public string? Normalise(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return raw.Count(char.IsAsciiDigit) >= 5 && !raw.Any(char.IsLetter)
            ? Phone.Normalise(raw)
            : raw.Trim().TrimStart('@').Normalize(System.Text.NormalizationForm.FormKC).ToUpperInvariant();
    }
}

public sealed class WorkingNameNormaliser : IIdentifierNormaliser
{
    public string Kind => "working-name";

    public string? Normalise(string raw) =>
        string.Join(' ', raw.Normalize(System.Text.NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
