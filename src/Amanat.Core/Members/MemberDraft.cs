using Amanat.Core.Incidents;
using Amanat.Core.Staff;
using Amanat.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Core.Members;

/// <summary>A member's record as the form or the API sends it. The UIC parts are used once and never stored.</summary>
public sealed record MemberDraft
{
    public string? WorkingName { get; init; }

    public int? BirthYear { get; init; }

    public string? NationalityCode { get; init; }

    public IReadOnlyList<string> Languages { get; init; } = [];

    public string? CityCode { get; init; }

    public ContactChannel? ContactChannel { get; init; }

    public string? Contact { get; init; }

    public string? Notes { get; init; }

    /// <summary>SERVICES consent: may the centre refer her to other services?</summary>
    public ConsentValue ServicesConsent { get; init; }

    /// <summary>For the UIC only: not stored.</summary>
    public UicSex? Sex { get; init; }

    /// <summary>For the UIC only: the first letters (or the whole first name) of her mother; not stored.</summary>
    public string? MotherName { get; init; }

    /// <summary>For the UIC only: the first letters (or the whole first name) of her father; not stored.</summary>
    public string? FatherName { get; init; }

    public UicParts UicParts => new(Sex, BirthYear, MotherName, FatherName);

    public static MemberDraft From(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new MemberDraft
        {
            WorkingName = member.WorkingName,
            BirthYear = member.BirthYear,
            NationalityCode = member.NationalityCode,
            Languages = MemberLanguages.Split(member.Languages),
            CityCode = member.CityCode,
            ContactChannel = member.ContactChannel,
            Contact = member.Contact,
            Notes = member.Notes,
            ServicesConsent = member.ServicesConsent,
        };
    }
}

/// <summary>What a member's record must satisfy; every problem at once, each beside its field.</summary>
public static class MemberRules
{
    public const int OldestAge = 100;
    public const int YoungestAge = 10;

    public static IReadOnlyList<RuleError> Check(MemberDraft draft, VocabularyList vocabulary, int thisYear, string formula)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var errors = new List<RuleError>();
        void Add(string field, string key) => errors.Add(new RuleError(field, key));
        void Text(string field, string? value, int max)
        {
            if (value is { } v && v.Trim().Length > max)
            {
                Add(field, "Rule.TooLong");
            }
        }

        void Code(string field, VocabularyKind kind, string? code)
        {
            if (!string.IsNullOrEmpty(code) && !vocabulary.Exists(kind, code))
            {
                Add(field, "Rule.UnknownCode");
            }
        }

        if (string.IsNullOrWhiteSpace(draft.WorkingName))
        {
            Add(nameof(MemberDraft.WorkingName), "Rule.Required");
        }

        Text(nameof(MemberDraft.WorkingName), draft.WorkingName, Member.MaxWorkingNameLength);
        if (draft.BirthYear is { } year && (year < thisYear - OldestAge || year > thisYear - YoungestAge))
        {
            Add(nameof(MemberDraft.BirthYear), "Rule.OutOfRange");
        }

        Code(nameof(MemberDraft.NationalityCode), VocabularyKind.Nationality, draft.NationalityCode);
        Code(nameof(MemberDraft.CityCode), VocabularyKind.City, draft.CityCode);
        // JSON may say null for the list or an entry; a form never does.
        if (draft.Languages is null)
        {
            Add(nameof(MemberDraft.Languages), "Rule.NotValid");
        }
        else if (draft.Languages.Any(l => l is null || !MemberLanguages.All.Contains(l)))
        {
            Add(nameof(MemberDraft.Languages), "Rule.UnknownCode");
        }

        if (draft.ContactChannel is { } channel && !Enum.IsDefined(channel))
        {
            Add(nameof(MemberDraft.ContactChannel), "Rule.UnknownCode");
        }

        if (!Enum.IsDefined(draft.ServicesConsent))
        {
            Add(nameof(MemberDraft.ServicesConsent), "Rule.UnknownCode");
        }

        Text(nameof(MemberDraft.Contact), draft.Contact, Member.MaxContactLength);
        Text(nameof(MemberDraft.Notes), draft.Notes, Member.MaxNotesLength);
        Text(nameof(MemberDraft.MotherName), draft.MotherName, Member.MaxWorkingNameLength);
        Text(nameof(MemberDraft.FatherName), draft.FatherName, Member.MaxWorkingNameLength);

        // The UIC: all of its parts, or none (it can be added later); a part without a letter is refused.
        var parts = draft.UicParts;
        if (!parts.IsEmpty && Uic.Compose(parts, formula) is null)
        {
            if (parts.Sex is null)
            {
                Add(nameof(MemberDraft.Sex), "Member.Error.UicPart");
            }

            if (parts.BirthYear is null)
            {
                Add(nameof(MemberDraft.BirthYear), "Member.Error.UicYear");
            }

            if (Uic.Fold(parts.MotherName).Length < 2)
            {
                Add(nameof(MemberDraft.MotherName), "Member.Error.UicPart");
            }

            if (Uic.Fold(parts.FatherName).Length < 2)
            {
                Add(nameof(MemberDraft.FatherName), "Member.Error.UicPart");
            }
        }

        return errors;
    }
}

/// <summary>
/// Which members a staff member may open, as the roles table says: coordinators all; outreach workers those
/// they registered or that were handed over to them; lawyers the people of the incidents assigned to them
/// (<paramref name="assignedMembers"/>: the link is encrypted, so the caller decrypts it first, see
/// <see cref="AssignedMemberIdsAsync"/>). Finding a member to link is wider and shows only her working name.
/// </summary>
public static class MemberScope
{
    public static IQueryable<Member> VisibleTo(this IQueryable<Member> members, Guid userId, StaffRoles roles, IReadOnlyCollection<Guid>? assignedMembers = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (roles.HasFlag(StaffRoles.Coordinator))
        {
            return members;
        }

        var outreach = roles.HasFlag(StaffRoles.Outreach);
        var assigned = roles.HasFlag(StaffRoles.Lawyer) ? assignedMembers ?? [] : [];
        return members.Where(x => (outreach && (x.CreatedById == userId || x.Shares.Any(s => s.UserId == userId))) || assigned.Contains(x.Id));
    }

    /// <summary>For a lawyer: the members who are people affected in the incidents assigned to her (empty for other roles).</summary>
    public static async Task<IReadOnlyCollection<Guid>> AssignedMemberIdsAsync(Data.AmanatDbContext db, Guid userId, StaffRoles roles)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!roles.HasFlag(StaffRoles.Lawyer) || roles.HasFlag(StaffRoles.Coordinator))
        {
            return [];
        }

        var people = await db.Set<AffectedPerson>().AsNoTracking()
            .Where(p => db.Incidents.Any(i => i.Id == p.IncidentId && i.AssignedLawyerId == userId)).ToListAsync();
        return [.. people.Select(p => p.MemberId).OfType<Guid>().Distinct()];
    }
}
