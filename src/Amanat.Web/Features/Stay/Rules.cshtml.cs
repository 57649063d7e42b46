using System.Globalization;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Core.Stay;
using Amanat.Core.Vocabularies;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Stay;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Stay;

/// <summary>
/// The stay rules per citizenship and the working-day calendar, as data that administrators and coordinators
/// keep current: every value may be left empty (= unknown); every save is a new, audited version.
/// </summary>
[RequirePermission(Permission.ManageReferenceData)]
internal sealed class StayRulesModel(StayRuleStore store, AmanatDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Nationality { get; set; }

    [BindProperty]
    public RuleInput Input { get; set; } = new();

    [BindProperty]
    public CalendarInput Year { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public StayRuleBook Book { get; private set; } = new();

    public int Version { get; private set; }

    public IReadOnlyList<StayRuleVersion> History { get; private set; } = [];

    public VocabularyList Vocabulary { get; private set; } = new([]);

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (Book.For(Nationality) is { } rules)
        {
            Input = RuleInput.From(rules);
        }
    }

    public async Task<IActionResult> OnPostRulesAsync()
    {
        await LoadAsync();
        if (string.IsNullOrEmpty(Nationality) || !Vocabulary.Exists(VocabularyKind.Nationality, Nationality))
        {
            ModelState.AddModelError(nameof(Nationality), localizer["Rule.Required"]);
        }

        foreach (var (field, value) in new[] { (nameof(RuleInput.DaysWithoutRegistration), Input.DaysWithoutRegistration), (nameof(RuleInput.CapDays), Input.CapDays), (nameof(RuleInput.WindowDays), Input.WindowDays), (nameof(RuleInput.HostNotificationWorkingDays), Input.HostNotificationWorkingDays) })
        {
            if (value is < 1 or > 3650)
            {
                ModelState.AddModelError("Input." + field, localizer["Rule.OutOfRange"]);
            }
        }

        if (Input.CapDays is not null != Input.WindowDays is not null)
        {
            ModelState.AddModelError("Input.WindowDays", localizer["Stay.Error.CapAndWindow"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var existing = Book.For(Nationality);
        var rules = Input.ToRuleSet(Nationality!, existing);
        var book = Book with { RuleSets = [.. Book.RuleSets.Where(r => r != existing), rules] };
        await store.SaveAsync(book, Nationality!, User.RequiredUserId());
        return Redirect($"/staff/stay-rules?nationality={Nationality}&saved=true");
    }

    public async Task<IActionResult> OnPostCalendarAsync()
    {
        await LoadAsync();
        var holidays = Dates(Year.Holidays, "Year.Holidays");
        var worked = Dates(Year.WorkingWeekendDays, "Year.WorkingWeekendDays");
        if (Year.Year is not (>= 2000 and <= 2100))
        {
            ModelState.AddModelError("Year.Year", localizer["Rule.OutOfRange"]);
        }
        else if (holidays.Concat(worked).Any(d => d.Year != Year.Year))
        {
            ModelState.AddModelError("Year.Holidays", localizer["Stay.Error.OtherYear"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var year = new WorkingYear { Year = Year.Year!.Value, Holidays = holidays, WorkingWeekendDays = worked, Confirmed = Year.Confirmed, Source = string.IsNullOrWhiteSpace(Year.Source) ? null : Year.Source.Trim() };
        var book = Book with { Calendar = [.. Book.Calendar.Where(y => y.Year != year.Year), year] };
        await store.SaveAsync(book, "calendar " + year.Year.ToString(CultureInfo.InvariantCulture), User.RequiredUserId());
        return Redirect("/staff/stay-rules?saved=true#calendar");
    }

    private List<DateOnly> Dates(string? lines, string field)
    {
        var dates = new List<DateOnly>();
        foreach (var line in (lines ?? string.Empty).Split(['\n', '\r', ',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (DateOnly.TryParseExact(line.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                dates.Add(date);
            }
            else
            {
                ModelState.AddModelError(field, localizer["Stay.Error.Date", line.Trim()]);
            }
        }

        return [.. dates.Distinct().Order()];
    }

    private async Task LoadAsync()
    {
        (Book, Version) = await store.CurrentAsync();
        History = await store.HistoryAsync();
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.Nationality).ToListAsync());
    }
}

internal sealed class RuleInput
{
    public int? DaysWithoutRegistration { get; set; }

    public int? CapDays { get; set; }

    public int? WindowDays { get; set; }

    public int? HostNotificationWorkingDays { get; set; }

    public int? ExpulsionYears { get; set; }

    public int? ExpulsionMonths { get; set; }

    public int? ShortenedYears { get; set; }

    public int? ShortenedMonths { get; set; }

    public string? Source { get; set; }

    public DateOnly? LastChecked { get; set; }

    public string? Conventions { get; set; }

    /// <summary>One note per line.</summary>
    public string? Notes { get; set; }

    public static RuleInput From(StayRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new()
        {
            DaysWithoutRegistration = rules.DaysWithoutRegistration, CapDays = rules.CapDays, WindowDays = rules.WindowDays, HostNotificationWorkingDays = rules.HostNotificationWorkingDays,
            ExpulsionYears = rules.BanAfterExpulsion?.Years, ExpulsionMonths = rules.BanAfterExpulsion?.Months,
            ShortenedYears = rules.BanAfterShortenedStay?.Years, ShortenedMonths = rules.BanAfterShortenedStay?.Months,
            Source = rules.Source, LastChecked = rules.LastChecked, Conventions = rules.Conventions, Notes = string.Join('\n', rules.Notes),
        };
    }

    public StayRuleSet ToRuleSet(string nationality, StayRuleSet? existing) => new()
    {
        Nationality = nationality,
        HostCountry = existing?.HostCountry ?? "KZ",
        Version = (existing?.Version ?? 0) + 1,
        DaysWithoutRegistration = DaysWithoutRegistration, CapDays = CapDays, WindowDays = WindowDays, HostNotificationWorkingDays = HostNotificationWorkingDays,
        BanAfterExpulsion = ExpulsionYears is null && ExpulsionMonths is null ? null : new Period(ExpulsionYears, ExpulsionMonths),
        BanAfterShortenedStay = ShortenedYears is null && ShortenedMonths is null ? null : new Period(ShortenedYears, ShortenedMonths),
        Source = Blank(Source), LastChecked = LastChecked, Conventions = Blank(Conventions),
        Notes = [.. (Notes ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class CalendarInput
{
    public int? Year { get; set; }

    /// <summary>Dates as yyyy-MM-dd, one per line.</summary>
    public string? Holidays { get; set; }

    public string? WorkingWeekendDays { get; set; }

    public bool Confirmed { get; set; }

    public string? Source { get; set; }
}
