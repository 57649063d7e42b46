using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Members;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Core.Time;
using Amanat.Core.Vocabularies;
using Amanat.Web.Auditing;
using Amanat.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Amanat.Web.Features.Members;

/// <summary>
/// Registers and updates members the same way for the form and the API: rules, the UIC turned into its
/// keyed hash (its parts forgotten at once), the duplicate check by UIC or contact, and the audit entry.
/// Finding a member to link compares only the working name's and the UIC's hashes.
/// </summary>
internal sealed class MemberRecorder(AmanatDbContext db, AuditTrail audit, KeyVault vault, TimeProvider clock, DisplayTimeZone zone, IOptions<AmanatOptions> options, Features.Statistics.StatisticsFacts facts)
{
    public const int MaxFound = 20;

    public int ThisYear => zone.ToLocal(clock.GetUtcNow().UtcDateTime).Year;

    public string Formula => options.Value.Members.UicFormula;

    public async Task<VocabularyList> VocabularyAsync() => new(await db.VocabularyEntries.AsNoTracking().ToListAsync());

    public byte[]? UicIndex(UicParts parts) =>
        Uic.Compose(parts, Formula) is { } code ? BlindIndex.Compute(vault.Keys, new UicNormaliser(), code) : null;

    /// <summary>Other members with the same UIC or the same contact: possibly the same woman.</summary>
    private async Task<IReadOnlyList<Member>> DuplicatesAsync(byte[]? uic, string? contactValue, Guid? exceptId)
    {
        var contact = BlindIndex.Compute(vault.Keys, new ContactNormaliser(), contactValue);
        if (uic is null && contact is null)
        {
            return [];
        }

        var contactColumn = BlindIndex.Of(nameof(Member.Contact));
        return await db.Members.AsNoTracking()
            .Where(m => m.Id != exceptId && ((uic != null && m.UicIndex == uic) || (contact != null && EF.Property<byte[]>(m, contactColumn) == contact)))
            .OrderBy(m => m.CreatedAtUtc).Take(MaxFound).ToListAsync();
    }

    /// <summary>Members whose working name or UIC is exactly this: for linking, without opening a record.</summary>
    public async Task<IReadOnlyList<Member>> FindAsync(string? workingName, UicParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var name = BlindIndex.Compute(vault.Keys, new WorkingNameNormaliser(), workingName);
        var uic = UicIndex(parts);
        if (name is null && uic is null)
        {
            return [];
        }

        var nameColumn = BlindIndex.Of(nameof(Member.WorkingName));
        return await db.Members.AsNoTracking()
            .Where(m => (name != null && EF.Property<byte[]>(m, nameColumn) == name) || (uic != null && m.UicIndex == uic))
            .OrderBy(m => m.CreatedAtUtc).Take(MaxFound).ToListAsync();
    }

    /// <summary>The incidents she is a person affected in, found by the blind index of the member link.</summary>
    public async Task<List<Guid>> IncidentsOfAsync(Guid memberId)
    {
        var link = BlindIndex.Compute(vault.Keys, new Core.Incidents.MemberLinkNormaliser(), memberId.ToString("N"));
        var column = BlindIndex.Of(nameof(Core.Incidents.AffectedPerson.MemberLink));
        return await db.Set<Core.Incidents.AffectedPerson>().Where(p => EF.Property<byte[]>(p, column) == link).Select(p => p.IncidentId).Distinct().ToListAsync();
    }

    /// <summary>
    /// Saves a new (<paramref name="member"/> null) or existing member. Nothing is saved when a rule is broken,
    /// or when another member has the same UIC or contact and <paramref name="despiteDuplicates"/> is false:
    /// the result then carries the errors or the possible duplicates: by name only those the
    /// worker (<paramref name="roles"/>) may open; of the others only how many (their names are not hers to see).
    /// </summary>
    public async Task<MemberSaveResult> SaveAsync(Member? member, MemberDraft draft, Guid userId, StaffRoles roles, bool despiteDuplicates, VocabularyList? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = MemberRules.Check(draft, vocabulary ?? await VocabularyAsync(), ThisYear, Formula);
        if (errors.Count > 0)
        {
            return new(null, errors, [], 0);
        }

        var uic = UicIndex(draft.UicParts);
        var duplicates = await DuplicatesAsync(uic, draft.Contact, member?.Id);
        if (duplicates.Count > 0 && !despiteDuplicates)
        {
            var ids = duplicates.Select(d => d.Id).ToList();
            var visible = (await db.Members.VisibleTo(userId, roles).Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync()).ToHashSet();
            return new(null, [], [.. duplicates.Where(d => visible.Contains(d.Id))], duplicates.Count(d => !visible.Contains(d.Id)));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var isNew = member is null;
        member ??= db.Members.Add(new Member(draft.WorkingName!, userId, now)).Entity;
        var nationalityBefore = member.NationalityCode;
        member.Apply(draft, uic, now);
        await using var transaction = await audit.BeginAsync(actorId: userId);
        await db.SaveChangesAsync();
        transaction.Add(isNew ? AuditEventType.MemberCreated : AuditEventType.MemberUpdated, member.Id, duplicates.Count > 0 ? 1 : null);
        await transaction.CommitAsync();
        if (!isNew && member.NationalityCode != nationalityBefore)
        {
            // Her incidents are counted under her nationality: their facts follow.
            await facts.RefreshAsync(await IncidentsOfAsync(member.Id));
        }

        return new(member, [], [], 0);
    }
}

/// <summary>
/// What saving a member came to: the saved member, or the rule errors, or the possible duplicates to confirm
/// (those the worker may open, and how many others: a coordinator can look at those).
/// </summary>
internal sealed record MemberSaveResult(Member? Member, IReadOnlyList<RuleError> Errors, IReadOnlyList<Member> Duplicates, int OtherDuplicates)
{
    public bool HasDuplicates => Duplicates.Count + OtherDuplicates > 0;
}
