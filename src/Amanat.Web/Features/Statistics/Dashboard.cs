using System.Globalization;
using Amanat.Core.Care;
using Amanat.Core.Data;
using Amanat.Core.Statistics;
using Amanat.Core.Vocabularies;
using Amanat.Web.Infrastructure;
using Amanat.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Amanat.Web.Features.Statistics;

/// <summary>One section of the dashboard: its chart and the table beside it, from the same protected figures.</summary>
internal sealed record DashboardSection(string Id, string Title, string? Note, Chart Chart, StatTable Table, IReadOnlyList<string> Labels, string CountHeading);

/// <summary>A key figure: its label, what may be shown of it, and that as a number when it is one.</summary>
internal sealed record KeyFigure(string Label, string Display, long? Value = null);

/// <summary>The dashboard as shown: refused, or its key figures and sections.</summary>
internal sealed record DashboardView(bool Refused, int Threshold, bool Rounded, IReadOnlyList<KeyFigure> Key, IReadOnlyList<DashboardSection> Sections, IReadOnlyList<KeyFigure> Money);

/// <summary>
/// Builds the statistics dashboard for a filter: the exact figures from the in-memory fact table, then
/// protected (<see cref="Disclosure"/>: threshold, complementary suppression, rounding for analysts) before
/// anything becomes a label, a bar or a cell. Services and completed referrals are the centre's work in the
/// period, summed from their per-day counts in memory (<see cref="ActivityCounts"/>).
/// </summary>
internal sealed class Dashboard(AmanatDbContext db, FactCache cache, ActivityCounts activity, IOptions<AmanatOptions> options, IStringLocalizer<SharedResource> text)
{
    public int Threshold => options.Value.Statistics.Threshold;

    public async Task<DashboardView> BuildAsync(StatFilter filter, bool rounded, VocabularyList vocabulary, string language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var disclosure = new Disclosure(Threshold, rounded);
        var figures = Figures.Of(await cache.GetAsync(cancellationToken), filter);
        if (!disclosure.Allows(figures.Incidents))
        {
            return new DashboardView(true, Threshold, rounded, [], [], []);
        }

        string Label(VocabularyKind kind, string code) => vocabulary.Label(kind, code, language);
        string Show(Cell cell) => cell.Value is { } v ? v.ToString("N0", CultureInfo.CurrentCulture) : text["Stats.FewerThan", Threshold].Value;
        var sections = new List<DashboardSection>();
        void Add(string id, string title, string? note, ChartKind kind, IEnumerable<(string Code, long Count)> cells, long total, Func<string, string> label, string countHeading)
        {
            var table = disclosure.Table(cells, total);
            var labels = table.Rows.Select(r => label(r.Code)).ToList();
            var bars = table.Rows.Select((r, i) => new ChartBar(labels[i], r.Cell.Value ?? (Threshold - 1), Show(r.Cell), r.Cell.Suppressed)).ToList();
            var description = text["Stats.ChartDescription", title, string.Join("; ", bars.Select(b => b.Label + ": " + b.Display))].Value;
            sections.Add(new DashboardSection(id, title, note, new Chart(id + "-chart", title, description, kind, bars), table, labels, countHeading));
        }

        var incidents = text["Stats.Incidents"].Value;
        var months = Enumerable.Range(StatMonths.Of(filter.From), StatMonths.Of(filter.To) - StatMonths.Of(filter.From) + 1);
        Add("months", text["Stats.ByMonth"], null, ChartKind.Columns, months.Select(m => (m.ToString(CultureInfo.InvariantCulture), (long)figures.ByMonth.GetValueOrDefault(m))), figures.Incidents,
            m => StatMonths.FirstDay(int.Parse(m, CultureInfo.InvariantCulture)).ToString("yyyy-MM", CultureInfo.InvariantCulture), incidents);
        Add("violations", text["Stats.ByViolation"], text["Stats.SeveralNote"], ChartKind.Bars, Descending(figures.ByViolation), figures.ByViolation.Values.Sum(),
            c => c + " " + Label(VocabularyKind.Violation, c), text["Stats.Violations"]);
        Add("perpetrators", text["Stats.ByPerpetrator"], text["Stats.SeveralNote"], ChartKind.Bars, Descending(figures.ByPerpetrator), figures.ByPerpetrator.Values.Sum(),
            c => Label(VocabularyKind.Perpetrator, c), incidents);
        Add("stations", text["Stats.ByStation"], null, ChartKind.Bars, Descending(figures.ByStation), figures.Incidents,
            c => c.Length == 0 ? text["Stats.NotRecorded"] : Label(VocabularyKind.Station, c), incidents);
        Add("cities", text["Stats.ByCity"], null, ChartKind.Bars, Descending(figures.ByCity), figures.Incidents, c => Label(VocabularyKind.City, c), incidents);
        Add("nationalities", text["Stats.ByNationality"], null, ChartKind.Bars, Descending(figures.ByNationality), figures.People,
            c => c == IncidentFact.UnknownNationality ? text["Stats.NotRecorded"] : Label(VocabularyKind.Nationality, c), text["Stats.People"]);
        Add("days", text["Stats.DaysDetained"], null, ChartKind.Bars, Buckets(figures.DaysDistribution, Figures.DaysBounds, 1), figures.Detained, c => c, incidents);
        Add("delay", text["Stats.Delay"], null, ChartKind.Bars, Buckets(figures.ReportingDelay, Figures.DelayBounds, 0), figures.Incidents, c => c, incidents);
        Add("documents", text["Stats.Documents"], null, ChartKind.Bars,
            [("returned", figures.DocumentsReturned), ("kept", figures.DocumentsNotReturned), ("unknown", figures.DocumentsTaken - figures.DocumentsReturned - figures.DocumentsNotReturned)],
            figures.DocumentsTaken, c => text["Stats.Documents." + c], incidents);

        var (services, referrals) = await activity.InAsync(db, filter.From, filter.To.AddMonths(1).AddDays(-1), cancellationToken);
        Add("services", text["Stats.Services"], text["Stats.ActivityNote"], ChartKind.Bars, Descending(services), services.Values.Sum(),
            c => Label(VocabularyKind.Response, c), text["Stats.Times"]);
        Add("referrals", text["Stats.Referrals"], text["Stats.ActivityNote"], ChartKind.Bars, Descending(referrals), referrals.Values.Sum(),
            c => Label(VocabularyKind.Response, c), text["Stats.Times"]);

        var people = disclosure.Count(figures.People);
        var noComplaint = disclosure.Count(figures.NoComplaint);
        var shown = disclosure.Count(figures.Incidents);
        var share = noComplaint.Value is { } n && shown.Value is > 0 and var all ? string.Format(CultureInfo.CurrentCulture, " ({0:P0})", (double)n / all) : string.Empty;
        var days = disclosure.Sum(figures.DaysDetained, figures.Detained);
        var documents = disclosure.Count(figures.DocumentsTaken);
        var key = new List<KeyFigure>
        {
            new(incidents, Show(shown), shown.Value),
            new(text["Stats.People"], Show(people), people.Value),
            new(text["Stats.DetainedDays"], days is { } d ? d.ToString("N0", CultureInfo.CurrentCulture) : text["Stats.Withheld"].Value, days),
            new(text["Stats.DocumentsTaken"], Show(documents), documents.Value),
            new(text["Stats.NoComplaint"], Show(noComplaint) + share, noComplaint.Value),
        };
        var money = figures.Money.OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => disclosure.Sum(m.Value.Minor, m.Value.Incidents) is { } sum
                ? new KeyFigure(m.Key, (sum / 100m).ToString("N0", CultureInfo.CurrentCulture) + " " + m.Key + " · " + text["Stats.FromIncidents", Show(disclosure.Count(m.Value.Incidents))], sum / 100)
                : new KeyFigure(m.Key, text["Stats.Withheld"].Value))
            .ToList();
        return new DashboardView(false, Threshold, rounded, key, sections, money);
    }

    private static IEnumerable<(string, long)> Descending(Dictionary<string, int> counts) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, (long)c.Value));

    /// <summary>Buckets labelled "0–3", "4–7", "over 30".</summary>
    private IEnumerable<(string, long)> Buckets(int[] counts, int[] bounds, int first)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            var low = i == 0 ? first : bounds[i - 1] + 1;
            var label = i == bounds.Length ? text["Stats.Over", bounds[^1]].Value : low == bounds[i] ? low.ToString(CultureInfo.InvariantCulture) : $"{low}–{bounds[i]}";
            yield return (label, counts[i]);
        }
    }
}
