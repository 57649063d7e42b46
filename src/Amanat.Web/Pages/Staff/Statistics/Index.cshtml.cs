using System.Globalization;
using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Core.Statistics;
using Amanat.Core.Time;
using Amanat.Core.Vocabularies;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Localization;
using Amanat.Web.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Amanat.Web.Resources;

namespace Amanat.Web.Pages.Staff.Statistics;

/// <summary>
/// The statistics dashboard (coordinators exact, analysts rounded): filters in the address (codes and
/// months only), key figures, and each breakdown as a chart with its table. Every view is audited.
/// </summary>
[RequirePermission(Permission.ViewStatistics)]
public sealed class StatisticsModel(Dashboard dashboard, AmanatDbContext db, AuditTrail audit, TimeProvider clock, DisplayTimeZone zone, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int MaxMonths = 120;

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Violation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Perpetrator { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Nationality { get; set; }

    public VocabularyList Vocabulary { get; private set; } = new([]);

    public DashboardView? View { get; private set; }

    public bool Narrowed => City is not null || Violation is not null || Perpetrator is not null || Nationality is not null;

    public async Task OnGetAsync()
    {
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().ToListAsync());
        var thisMonth = DateOnly.FromDateTime(zone.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);
        thisMonth = new DateOnly(thisMonth.Year, thisMonth.Month, 1);
        var to = Month(nameof(To), To) ?? thisMonth;
        var from = Month(nameof(From), From) ?? to.AddMonths(-11);
        if (ModelState.IsValid && (from > to || StatMonths.Of(to) - StatMonths.Of(from) >= MaxMonths))
        {
            ModelState.AddModelError(nameof(From), localizer["Stats.Error.Period", MaxMonths]);
        }

        Code(nameof(City), City, VocabularyKind.City);
        Code(nameof(Violation), Violation, VocabularyKind.Violation);
        Code(nameof(Perpetrator), Perpetrator, VocabularyKind.Perpetrator);
        Code(nameof(Nationality), Nationality, VocabularyKind.Nationality);
        (From, To) = (From ?? from.ToString("yyyy-MM", CultureInfo.InvariantCulture), To ?? to.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        if (!ModelState.IsValid)
        {
            return;
        }

        var roles = StaffClaims.Roles(User);
        var rounded = !roles.HasFlag(StaffRoles.Coordinator);
        View = await dashboard.BuildAsync(new StatFilter(from, to, City, Violation, Perpetrator, Nationality), rounded, Vocabulary, Languages.Current.Code, HttpContext.RequestAborted);
        await audit.RecordAsync(AuditEventType.StatisticsViewed, value: View.Refused ? 0 : 1);
    }

    private DateOnly? Month(string field, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (DateOnly.TryParseExact(typed.Trim(), ["yyyy-MM", "yyyy-MM-dd", "MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 1990 and <= 2100)
        {
            return new DateOnly(month.Year, month.Month, 1);
        }

        ModelState.AddModelError(field, localizer["Stats.Error.Month"]);
        return null;
    }

    private void Code(string field, string? code, VocabularyKind kind)
    {
        if (code is not null && !Vocabulary.Exists(kind, code))
        {
            ModelState.AddModelError(field, localizer["Report.Error.Choice"]);
        }
    }
}
