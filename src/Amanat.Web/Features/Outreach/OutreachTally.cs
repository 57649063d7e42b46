using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Members;
using Amanat.Core.Outreach;
using Amanat.Core.Security;
using Amanat.Core.Time;
using Amanat.Core.Vocabularies;
using Amanat.Web.Auditing;
using Amanat.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Amanat.Web.Features.Outreach;

/// <summary>
/// Records an outreach shift's tally: each UIC given becomes its keyed hash (the letters are dropped at once)
/// and counts as returning when that hash was seen before — on an earlier shift or in a member's record.
/// </summary>
internal sealed class OutreachTally(AmanatDbContext db, AuditTrail audit, KeyVault vault, TimeProvider clock, DisplayTimeZone zone, IOptions<AmanatOptions> options)
{
    public DateOnly Today => DateOnly.FromDateTime(zone.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);

    public async Task<IReadOnlyList<RuleError>> SaveAsync(OutreachDraft draft, VocabularyList vocabulary, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft = draft with { Date = draft.Date ?? Today };
        var formula = options.Value.Members.UicFormula;
        var errors = OutreachDraft.Check(draft, vocabulary, Today, formula);
        if (errors.Count > 0)
        {
            return errors;
        }

        var hashes = draft.People.Where(p => !p.IsEmpty)
            .Select(p => BlindIndex.Compute(vault.Keys, new UicNormaliser(), Uic.Compose(p, formula))!)
            .DistinctBy(Convert.ToHexString).ToList();
        var contacts = new List<OutreachContact>();
        foreach (var hash in hashes)
        {
            var seen = await db.OutreachShifts.AnyAsync(s => s.Contacts.Any(c => c.UicIndex == hash)) || await db.Members.AnyAsync(m => m.UicIndex == hash);
            contacts.Add(new OutreachContact(hash, isNew: !seen));
        }

        var shift = new OutreachShift(draft, contacts, userId, clock.GetUtcNow().UtcDateTime);
        await using var transaction = await audit.BeginAsync(actorId: userId);
        db.OutreachShifts.Add(shift);
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.OutreachRecorded, shift.Id, shift.PeopleReached);
        await transaction.CommitAsync();
        return [];
    }
}
