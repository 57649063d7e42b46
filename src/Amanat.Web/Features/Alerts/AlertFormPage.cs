using Amanat.Core.Alerts;
using Amanat.Core.Data;
using Amanat.Core.Identifiers;
using Amanat.Core.Vocabularies;
using Amanat.Web.Features.Alerts;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Alerts;

/// <summary>The alert form as posted: kept as typed, so a refused form comes back filled in.</summary>
internal sealed class AlertInput
{
    public List<Guid> Incidents { get; set; } = [];

    public string? CategoryCode { get; set; }

    public List<string> Codes { get; set; } = [];

    public string? CityCode { get; set; }

    public int? Year { get; set; }

    /// <summary>1–12, or empty for "only the year".</summary>
    public int? Month { get; set; }

    public Dictionary<string, string?> Descriptions { get; set; } = [];

    /// <summary>One per line (several on a line are split as in an incident's field).</summary>
    public string? Phones { get; set; }

    public string? Plates { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public AlertDraft ToDraft() => new()
    {
        CategoryCode = Blank(CategoryCode),
        Codes = [.. Codes.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal)],
        CityCode = Blank(CityCode),
        Year = Year,
        Month = Month,
        Descriptions = Descriptions.Where(d => !string.IsNullOrWhiteSpace(d.Value)).ToDictionary(d => d.Key, d => d.Value!.Trim()),
        Phones = [.. PhoneNormaliser.Split(Phones)],
        Plates = Lines(Plates),
        ExpiresOn = ExpiresOn,
    };

    public static AlertInput From(AlertDraft draft, IEnumerable<Guid> incidents)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new()
        {
            Incidents = [.. incidents],
            CategoryCode = draft.CategoryCode,
            Codes = [.. draft.Codes],
            CityCode = draft.CityCode,
            Year = draft.Year,
            Month = draft.Month,
            Descriptions = draft.Descriptions.ToDictionary(d => d.Key, d => (string?)d.Value),
            Phones = string.Join('\n', draft.Phones),
            Plates = string.Join('\n', draft.Plates),
            ExpiresOn = draft.ExpiresOn,
        };
    }

    public static AlertInput From(Alert alert) => From(
        new AlertDraft
        {
            CategoryCode = alert.CategoryCode, Codes = alert.CodeList, CityCode = alert.CityCode, Year = alert.Year, Month = alert.Month,
            Descriptions = alert.DescriptionsByLanguage, Phones = alert.PhoneList, Plates = alert.PlateList, ExpiresOn = alert.ExpiresOn,
        },
        alert.Incidents.Select(i => i.IncidentId));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Lines(string? value) =>
        value is null ? [] : [.. value.Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>What the new and edit pages share: the form, the incidents to choose from, and saving through <see cref="AlertDesk"/>.</summary>
internal abstract class AlertFormPage(AmanatDbContext db, AlertDesk desk, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public AlertInput Input { get; set; } = new();

    public IReadOnlyList<AlertSource> Sources { get; private set; } = [];

    public VocabularyList Vocabulary { get; private set; } = new([]);

    public DateOnly Today => desk.Today;

    protected AlertDesk Desk => desk;

    protected async Task LoadAsync()
    {
        Sources = await desk.SourcesAsync(Input.Incidents);
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking()
            .Where(v => v.Kind == VocabularyKind.City || v.Kind == VocabularyKind.Perpetrator || v.Kind == VocabularyKind.Violation).ToListAsync());
    }

    /// <summary>Saves through the desk; on refusal puts each problem beside its field and returns false.</summary>
    protected async Task<bool> SaveAsync(Alert alert, bool isNew)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (ModelState.IsValid)
        {
            var problems = await desk.SaveDraftAsync(alert, Input.ToDraft(), Input.Incidents, isNew);
            foreach (var problem in problems)
            {
                ModelState.AddModelError("Input." + problem.Field, localizer[problem.MessageKey]);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return false;
        }

        return true;
    }
}
