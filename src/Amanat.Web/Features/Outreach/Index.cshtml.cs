using System.Globalization;
using Amanat.Core.Data;
using Amanat.Core.Members;
using Amanat.Core.Outreach;
using Amanat.Core.Staff;
using Amanat.Core.Vocabularies;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Outreach;
using Amanat.Web.Localization;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Outreach;

/// <summary>
/// An outreach shift in a minute: where, how many reached (UIC where she gives it, else a count), new or
/// returning, materials given; and the month's totals for donor reports (her own shifts; a coordinator's: all).
/// </summary>
[RequirePermission(Permission.CreateRecords)]
internal sealed class OutreachModel(AmanatDbContext db, OutreachTally tally, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int UicRows = 4;

    [BindProperty]
    public OutreachInput Input { get; set; } = new();

    /// <summary>The month shown, as yyyy-MM; this month when empty.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public IReadOnlyList<OutreachShift> Shifts { get; private set; } = [];

    public VocabularyList Vocabulary { get; private set; } = new([]);

    public DateOnly MonthStart { get; private set; }

    public async Task OnGetAsync()
    {
        Input = new OutreachInput { Date = tally.Today };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        ModelState.AddRuleErrors(nameof(Input), await tally.SaveAsync(Input.ToDraft(), Vocabulary, User.RequiredUserId()), localizer);
        return ModelState.IsValid ? Redirect($"/staff/outreach?saved=true&month={Input.Date:yyyy-MM}") : Page();
    }

    private async Task LoadAsync()
    {
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.City || v.Kind == VocabularyKind.Place).ToListAsync());
        MonthStart = DateOnly.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : new DateOnly(tally.Today.Year, tally.Today.Month, 1);
        var end = MonthStart.AddMonths(1);
        var query = db.OutreachShifts.AsNoTracking().Where(s => s.Date >= MonthStart && s.Date < end);
        var userId = User.RequiredUserId();
        query = User.Roles().HasFlag(StaffRoles.Coordinator) ? query : query.Where(s => s.ById == userId);
        Shifts = await query.OrderByDescending(s => s.Date).ThenByDescending(s => s.CreatedAtUtc).ToListAsync();
    }
}

internal sealed class OutreachInput
{
    public DateOnly? Date { get; set; }

    public string? CityCode { get; set; }

    public string? PlaceCode { get; set; }

    public int? AnonymousNew { get; set; }

    public int? AnonymousReturning { get; set; }

    public int? Condoms { get; set; }

    public int? Lubricants { get; set; }

    public int? Leaflets { get; set; }

    public int? Other { get; set; }

    public List<UicInput> People { get; set; } = [.. Enumerable.Range(0, OutreachModel.UicRows).Select(_ => new UicInput())];

    public OutreachDraft ToDraft() => new()
    {
        Date = Date, CityCode = CityCode, PlaceCode = PlaceCode, AnonymousNew = AnonymousNew, AnonymousReturning = AnonymousReturning,
        Condoms = Condoms, Lubricants = Lubricants, Leaflets = Leaflets, Other = Other,
        People = [.. People.Select(p => new UicParts(p.Sex, p.BirthYear, p.MotherName, p.FatherName))],
    };
}

internal sealed class UicInput
{
    public UicSex? Sex { get; set; }

    public int? BirthYear { get; set; }

    public string? MotherName { get; set; }

    public string? FatherName { get; set; }
}
