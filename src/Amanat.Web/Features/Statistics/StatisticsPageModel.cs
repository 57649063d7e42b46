using System.Globalization;
using Amanat.Core.Data;
using Amanat.Core.Statistics;
using Amanat.Core.Time;
using Amanat.Core.Vocabularies;
using Amanat.Web.Localization;
using Amanat.Web.Resources;
using Amanat.Web.Features.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Statistics;

/// <summary>
/// What the statistics pages and their downloads are asked, in the address (codes and months only, never
/// anything about a person): the period and one code per filter, read and checked the same way everywhere.
/// </summary>
internal abstract class StatisticsPageModel(AmanatDbContext db, TimeProvider clock, DisplayTimeZone zone, IStringLocalizer<SharedResource> localizer) : PageModel
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

    public bool Narrowed => City is not null || Violation is not null || Perpetrator is not null || Nationality is not null;

    protected IStringLocalizer<SharedResource> Text => localizer;

    /// <summary>The filter asked for (the last twelve months by default), or null with the errors in the model state.</summary>
    protected async Task<StatFilter?> ReadFilterAsync()
    {
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().ToListAsync(HttpContext.RequestAborted));
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
        return ModelState.IsValid ? new StatFilter(from, to, City, Violation, Perpetrator, Nationality) : null;
    }

    /// <summary>The filters as they were given, for a link to the same figures in another form.</summary>
    public Dictionary<string, string?> RouteValues() => new()
    {
        ["lang"] = Languages.Current.Code,
        [nameof(From)] = From,
        [nameof(To)] = To,
        [nameof(City)] = City,
        [nameof(Violation)] = Violation,
        [nameof(Perpetrator)] = Perpetrator,
        [nameof(Nationality)] = Nationality,
    };

    /// <summary>A link to a path with the filters as they were given, and more.</summary>
    public string Href(string path, IEnumerable<KeyValuePair<string, string?>> more) =>
        path + QueryString.Create(RouteValues().Where(v => v.Value is not null).Concat(more));

    /// <summary>The period and filters in words, for the head of a download.</summary>
    protected IReadOnlyList<KeyFigure> Describe(StatFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var lang = Languages.Current.Code;
        var all = localizer["All"].Value;
        string Label(VocabularyKind kind, string? code) => code is null ? all : Vocabulary.Label(kind, code, lang);
        return
        [
            new(localizer["Export.Period"], string.Create(CultureInfo.InvariantCulture, $"{filter.From:yyyy-MM} – {filter.To:yyyy-MM}")),
            new(localizer["Stats.Region"], Label(VocabularyKind.City, filter.City)),
            new(localizer["Incidents.Violation"], Label(VocabularyKind.Violation, filter.Violation)),
            new(localizer["Incident.PerpetratorCategory"], Label(VocabularyKind.Perpetrator, filter.Perpetrator)),
            new(localizer["Stats.Nationality"], Label(VocabularyKind.Nationality, filter.Nationality)),
        ];
    }

    /// <summary>Today in the centre's time zone.</summary>
    protected DateOnly Today => DateOnly.FromDateTime(zone.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);

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
