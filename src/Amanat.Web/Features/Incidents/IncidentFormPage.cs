using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Vocabularies;
using Amanat.Web.Features.Incidents;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Incidents;

/// <summary>
/// What the new and edit pages share: the one form, its "add another" and "remove" buttons (which post
/// the form back without saving, so nothing typed is lost), the rules, and saving with a revision and
/// an audit entry.
/// </summary>
internal abstract class IncidentFormPage(AmanatDbContext db, SaveIncident save, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int MaxBlocks = 20;

    [BindProperty]
    public IncidentDraft Input { get; set; } = new();

    public VocabularyList Vocabulary { get; private set; } = new([]);

    protected AmanatDbContext Db => db;

    protected DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected DateOnly Today => save.Today;

    public Task<IActionResult> OnPostAddPerpetratorAsync() => ReshapeAsync(() => Add(Input.Perpetrators, new PerpetratorDraft()));

    public Task<IActionResult> OnPostRemovePerpetratorAsync(int index) => ReshapeAsync(() => RemoveAt(Input.Perpetrators, index));

    public Task<IActionResult> OnPostAddPersonAsync() => ReshapeAsync(() => Add(Input.People, new PersonDraft()));

    public Task<IActionResult> OnPostRemovePersonAsync(int index) => ReshapeAsync(() => RemoveAt(Input.People, index));

    protected async Task LoadVocabularyAsync() =>
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().ToListAsync());

    /// <summary>Checks the form; on success records it (see <see cref="SaveIncident"/>) and returns the incident.</summary>
    protected async Task<Incident?> SaveAsync(Incident incident)
    {
        await LoadVocabularyAsync();
        if (!ModelState.IsValid)
        {
            // A value that could not even be read (letters in a number, a date that is none) is shown with
            // its message, and nothing is saved: a draft with that field silently empty is not what she typed.
            return null;
        }

        var errors = await save.RunAsync(incident, Input, User.RequiredUserId());
        foreach (var error in errors)
        {
            ModelState.AddModelError(FieldKey(error.Field), localizer[error.MessageKey]);
        }

        return ModelState.IsValid ? incident : null;
    }

    /// <summary>Where a rule's field lives in this form, for the message beside it (the amount is typed in major units).</summary>
    private static string FieldKey(string ruleField) => ruleField switch
    {
        nameof(IncidentDraft.MoneyExtortedMinor) => $"Input.{nameof(IncidentDraft.MoneyExtorted)}",
        _ => "Input." + ruleField,
    };

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
