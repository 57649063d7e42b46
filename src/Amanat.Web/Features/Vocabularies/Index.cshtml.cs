using System.ComponentModel.DataAnnotations;
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

/// <summary>
/// The lists (violations, perpetrator categories, places, cities, stations and units…): their entries in
/// four languages, and a new entry — for example a police station of a city, so that "the same
/// station" becomes a code that can be matched and counted.
/// </summary>
[RequirePermission(Permission.ManageReferenceData)]
internal sealed class VocabulariesModel(AmanatDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public VocabularyKind Kind { get; set; } = VocabularyKind.Station;

    [BindProperty]
    [Display(Name = "Vocabulary.Code")]
    public string? Code { get; set; }

    [BindProperty]
    public string? ParentCode { get; set; }

    [BindProperty]
    public LabelsInput Labels { get; set; } = new();

    public IReadOnlyList<VocabularyEntry> Entries { get; private set; } = [];

    public VocabularyList All { get; private set; } = new([]);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Enum.IsDefined(Kind))
        {
            return NotFound();
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Enum.IsDefined(Kind))
        {
            return NotFound();
        }

        await LoadAsync();
        var code = Code?.Trim().ToUpperInvariant();
        if (!VocabularyEntry.IsValidCode(code))
        {
            ModelState.AddModelError(nameof(Code), localizer["Vocabulary.Error.Code"]);
        }
        else if (All.Exists(Kind, code))
        {
            ModelState.AddModelError(nameof(Code), localizer["Vocabulary.Error.Taken"]);
        }

        if (Kind == VocabularyKind.Station && !All.IsActive(VocabularyKind.City, ParentCode))
        {
            ModelState.AddModelError(nameof(ParentCode), localizer["Rule.Required"]);
        }

        if (string.IsNullOrWhiteSpace(Labels.Ru) && string.IsNullOrWhiteSpace(Labels.En))
        {
            ModelState.AddModelError("Labels.Ru", localizer["Vocabulary.Error.LabelRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var entry = new VocabularyEntry(Kind, code!, Labels.ToLabels(), Kind == VocabularyKind.Station ? ParentCode : null, Entries.Count == 0 ? 0 : Entries.Max(e => e.SortOrder) + 1);
            db.VocabularyEntries.Add(entry);
            await using var transaction = await audit.BeginAsync();
            await db.SaveChangesAsync();
            transaction.Add(AuditEventType.VocabularyChanged, entry.Id);
            await transaction.CommitAsync();
        }
        catch (DomainException error)
        {
            ModelState.AddModelError(string.Empty, localizer[error.MessageKey]);
            return Page();
        }

        return Redirect($"/staff/vocabularies?kind={Kind}");
    }

    private async Task LoadAsync()
    {
        var all = await db.VocabularyEntries.AsNoTracking().ToListAsync();
        All = new VocabularyList(all);
        Entries = [.. all.Where(e => e.Kind == Kind).OrderBy(e => e.IsRetired).ThenBy(e => e.SortOrder).ThenBy(e => e.Code, StringComparer.Ordinal)];
    }
}
