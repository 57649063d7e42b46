using Amanat.Core.Auditing;
using Amanat.Core.Common;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Core.Vocabularies;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Vocabularies;

/// <summary>Relabels an entry, or retires it (new records cannot use it; old ones still show it) and restores it.</summary>
[RequirePermission(Permission.ManageReferenceData)]
internal sealed class EditVocabularyModel(AmanatDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public LabelsInput Labels { get; set; } = new();

    public VocabularyEntry Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await db.VocabularyEntries.SingleOrDefaultAsync(x => x.Id == Id) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        Labels = LabelsInput.From(entry);
        return Page();
    }

    public Task<IActionResult> OnPostAsync() => ChangeAsync(entry =>
    {
        if (string.IsNullOrWhiteSpace(Labels.Ru) && string.IsNullOrWhiteSpace(Labels.En))
        {
            throw new DomainException("Vocabulary.Error.LabelRequired");
        }

        entry.SetLabels(Labels.ToLabels());
    });

    public Task<IActionResult> OnPostRetireAsync() => ChangeAsync(entry => entry.Retire(clock.GetUtcNow().UtcDateTime));

    public Task<IActionResult> OnPostRestoreAsync() => ChangeAsync(entry => entry.Restore());

    private async Task<IActionResult> ChangeAsync(Action<VocabularyEntry> change)
    {
        if (await db.VocabularyEntries.SingleOrDefaultAsync(x => x.Id == Id) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            change(entry);
        }
        catch (DomainException error)
        {
            ModelState.AddModelError("Labels.Ru", localizer[error.MessageKey]);
            return Page();
        }

        await using var transaction = await audit.BeginAsync();
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.VocabularyChanged, entry.Id);
        await transaction.CommitAsync();
        return Redirect($"/staff/vocabularies?kind={entry.Kind}");
    }
}
