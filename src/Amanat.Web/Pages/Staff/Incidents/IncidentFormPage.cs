using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Members;
using Amanat.Core.Time;
using Amanat.Core.Vocabularies;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Pages.Staff.Incidents;

/// <summary>
/// What the new and edit pages share: the one form, its "add another" and "remove" buttons (which post
/// the form back without saving, so nothing typed is lost), the rules, and saving with a revision and
/// an audit entry.
/// </summary>
public abstract class IncidentFormPage(AmanatDbContext db, AuditTrail audit, Amanat.Core.Security.KeyVault vault, TimeProvider clock, DisplayTimeZone zone, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int MaxBlocks = 20;

    [BindProperty]
    public IncidentInput Input { get; set; } = new();

    public VocabularyList Vocabulary { get; private set; } = new([]);

    protected AmanatDbContext Db => db;

    protected DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected DateOnly Today => DateOnly.FromDateTime(zone.ToLocal(Now).DateTime);

    public Task<IActionResult> OnPostAddPerpetratorAsync() => ReshapeAsync(() => Add(Input.Perpetrators, new PerpetratorInput()));

    public Task<IActionResult> OnPostRemovePerpetratorAsync(int index) => ReshapeAsync(() => RemoveAt(Input.Perpetrators, index));

    public Task<IActionResult> OnPostAddPersonAsync() => ReshapeAsync(() => Add(Input.People, new PersonInput()));

    public Task<IActionResult> OnPostRemovePersonAsync(int index) => ReshapeAsync(() => RemoveAt(Input.People, index));

    protected async Task LoadVocabularyAsync() =>
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().ToListAsync());

    /// <summary>Checks the form; on success records it (new members for new named people) and returns the incident.</summary>
    protected async Task<Incident?> SaveAsync(Incident incident, IReadOnlyCollection<string> codesInUse, bool isNew)
    {
        await LoadVocabularyAsync();
        var draft = Input.ToDraft();
        foreach (var error in IncidentRules.Check(draft, Vocabulary, Today, codesInUse))
        {
            ModelState.AddModelError(IncidentInput.FieldKey(error.Field), localizer[error.MessageKey]);
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        var userId = User.UserId()!.Value;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var newMembers = new Dictionary<int, Guid>();
        for (var i = 0; i < draft.People.Count; i++)
        {
            if (draft.People[i] is { Id: null, MemberId: null, WorkingName: { } name })
            {
                var member = new Member(name, userId, Now);
                db.Members.Add(member);
                newMembers[i] = member.Id;
            }
        }

        if (isNew)
        {
            db.Incidents.Add(incident);
        }

        var changes = incident.Apply(draft, newMembers, userId, Now);
        await Amanat.Core.Identifiers.PerpetratorMatching.RebuildAsync(db, incident, vault.Keys);
        var revision = new IncidentRevision(incident, changes, userId, Now);
        db.IncidentRevisions.Add(revision);
        await db.SaveChangesAsync();
        await audit.RecordAsync(isNew ? AuditEventType.IncidentCreated : AuditEventType.IncidentUpdated, incident.Id, incident.Version, dataHash: revision.Hash);
        await transaction.CommitAsync();
        return incident;
    }

    private async Task<IActionResult> ReshapeAsync(Action change)
    {
        change();
        // The blocks moved: show them from the model, not from the posted positions.
        ModelState.Clear();
        await LoadVocabularyAsync();
        return Page();
    }

    private static void Add<T>(List<T> blocks, T block)
    {
        if (blocks.Count < MaxBlocks)
        {
            blocks.Add(block);
        }
    }

    private static void RemoveAt<T>(List<T> blocks, int index)
    {
        if (index >= 0 && index < blocks.Count)
        {
            blocks.RemoveAt(index);
        }
    }
}
