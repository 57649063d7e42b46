using System.Globalization;
using Amanat.Core.Statistics;
using Amanat.Web.Features.Statistics;
using UglyToad.PdfPig.Content;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace Amanat.Web.Tests.Statistics;

/// <summary>
/// The PDF report read back with PdfPig: Kazakh and Uzbek letters come back as written (Unicode text with the
/// font embedded), the footer counts the pages, a long table goes on over a page break with its header, the
/// hidden, suppressed and empty sections say so, and nothing is drawn outside the page.
/// Set AMANAT_PDF_SAMPLE to a path to keep the Kazakh sample for a look.
/// </summary>
public sealed class PdfReportTests
{
    private const string Title = "Статистикалық есеп";
    /// <summary>The tables' font size; the charts' labels are smaller.</summary>
    private const double TableSize = 10;

    private static readonly CultureInfo Kazakh = CultureInfo.GetCultureInfo("kk-KZ");

    private const string Long = "Полиция қызметкерлерінің жеке басын куәландыратын құжаттарды заңсыз алып қоюы, оларды қайтарудан бас тартуы және сол үшін ақша талап етуі";

    private const string Special = "Әділет, ғимарат, қала, өңір, ұлттық, үкімет, һәм ішкі істер";

    [Fact]
    public void KazakhReport_ComesBackAsWritten_WithFooterOnEveryPage()
    {
        var (pages, title) = Read(Write(KazakhReport()));

        Assert.Equal(Title, title);
        Assert.Contains(Title, pages[0], StringComparison.Ordinal);
        Assert.Contains("Кезең: 2024-01 — 2024-12", pages[0], StringComparison.Ordinal);
        var all = string.Join("\n", pages);
        Assert.Contains(Special, all, StringComparison.Ordinal);
        Assert.Contains("1 234", all, StringComparison.Ordinal);
        Assert.Contains("Құқық бұзушылық түрлері", all, StringComparison.Ordinal);
        Assert.Contains("5-тен аз", all, StringComparison.Ordinal);
        // Wrapped in the table, its value on its first line; shortened with "…" in the chart.
        Assert.Contains("сол үшін", all, StringComparison.Ordinal);
        Assert.Matches(@"\nПолиция қызметкерлерінің жеке басын [^\n…]+ 57\n", all);
        Assert.Matches(@"\nПолиция қызметкерлерінің жеке басын [^\n]+…\n", all);
        Assert.Contains("Бірнеше бұзушылық болуы мүмкін.", all, StringComparison.Ordinal);
        Assert.Contains("Деректер жоқ.", all, StringComparison.Ordinal);
        Assert.Contains("Көрсету үшін тым аз.", all, StringComparison.Ordinal);
        Assert.Contains("Әдіс", all, StringComparison.Ordinal);
        Assert.True(pages.Count > 2, $"{pages.Count} pages");
        for (var n = 1; n <= pages.Count; n++)
        {
            Assert.Contains($"Бет {n} / {pages.Count}", pages[n - 1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LongTable_GoesOnOverAPageBreak_WithItsHeaderAndItsLastRow()
    {
        var (pages, _) = Read(Write(KazakhReport()));

        var (tables, _) = Read(Write(KazakhReport()), TableSize);
        var first = tables.FindIndex(p => p.Contains("Қала 01 — Қарағанды облысы 405", StringComparison.Ordinal));
        var last = tables.FindIndex(p => p.Contains("Қала 40 — Қарағанды облысы 210", StringComparison.Ordinal));
        Assert.True(first >= 0 && last > first, $"first row on page {first + 1}, last on {last + 1}");
        Assert.StartsWith("Не Оқиғалар\n", tables[last], StringComparison.Ordinal);
        Assert.Contains("Барлығы " + Spaced(12300.ToString("N0", Kazakh)), tables[last], StringComparison.Ordinal);
        Assert.Contains("Қала 40", pages[last], StringComparison.Ordinal);
    }

    [Fact]
    public void NoLetterIsDrawnOutsideTheMargins()
    {
        using var pdf = PigDocument.Open(Write(KazakhReport()));
        foreach (var page in pdf.GetPages())
        {
            foreach (var letter in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
            {
                var box = letter.BoundingBox;
                Assert.True(box.Left >= 55 && box.Right <= page.Width - 55 && box.Bottom >= 20 && box.Top <= page.Height - 40,
                    $"'{letter.Value}' at {box} on page {page.Number}");
            }
        }
    }

    [Fact]
    public void UzbekLetters_ComeBackAsWritten()
    {
        var sections = new[]
        {
            Section("cities", "Viloyat yoki shahar boʻyicha", null, ChartKind.Bars, "Hodisalar",
                ("Oʻzbekiston, Gʻijduvon tumani", 12), ("Qoʻqon", 7), ("Margʻilon", null), ("Boshqa", null)),
        };
        var content = Content("Statistik hisobot", ["Davr: 2024-01 — 2024-06"], [new("Hodisalar", "27")], sections, "Sahifa {0} / {1}");

        var (pages, title) = Read(Write(content));

        Assert.Equal("Statistik hisobot", title);
        var all = string.Join("\n", pages);
        Assert.Contains("Oʻzbekiston, Gʻijduvon tumani", all, StringComparison.Ordinal);
        Assert.Contains("Viloyat yoki shahar boʻyicha", all, StringComparison.Ordinal);
        Assert.Contains('\u02BB', all);
        Assert.Contains($"Sahifa 1 / {pages.Count}", pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsWrittenAtOnce_AreAllWhole()
    {
        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Write(KazakhReport()))));

        foreach (var bytes in reports)
        {
            var (pages, _) = Read(bytes);
            Assert.Contains(Title, pages[0], StringComparison.Ordinal);
        }
    }

    private static ReportContent KazakhReport()
    {
        var cities = Enumerable.Range(1, 40).Select(i => ($"Қала {i:00} — Қарағанды облысы", (long?)(410 - (i * 5)))).ToArray();
        var sections = new[]
        {
            Section("months", "Айлар бойынша", null, ChartKind.Columns, "Оқиғалар",
                [.. Enumerable.Range(1, 12).Select(m => ($"2024-{m:00}", m == 3 ? null : (long?)(m * 10 % 70) + 5))]),
            Section("violations", "Құқық бұзушылық түрлері", "Бірнеше бұзушылық болуы мүмкін.", ChartKind.Bars, "Бұзушылықтар",
                (Special, 1234), ("Құжаттарды тексеру", 320), (Long, 57), ("Ақша талап ету", null), ("Басқа", null)),
            Section("cities", "Өңір немесе қала", null, ChartKind.Bars, "Оқиғалар", cities),
            Section("documents", "Құжаттар", null, ChartKind.Bars, "Оқиғалар", ("Қайтарылды", null), ("Қайтарылмады", null)),
            Section("referrals", "Жолдамалар", null, ChartKind.Bars, "Рет"),
        };
        var key = new KeyFigure[] { new("Оқиғалар", "1 234"), new("Адамдар", "980"), new("Шағым түсірмегендер", "450 (36 %)") };
        var content = Content(Title, ["Кезең: 2024-01 — 2024-12", "Сүзгілер: барлық өңірлер", "Жасалған күні: 2025-01-15", "Сандар 5-ке дейін дөңгелектенген (талдаушы)."], key, sections, "Бет {0} / {1}");
        return content with { Money = [new KeyFigure("KZT", "1 200 000 KZT · 35 оқиғадан")] };
    }

    private static ReportContent Content(string title, string[] lines, KeyFigure[] key, DashboardSection[] sections, string pageLabel) => new(
        title, lines, "Негізгі көрсеткіштер", key, "Ақша", [], sections, "Не", "Барлығы", "5-тен аз", "Деректер жоқ.", "Көрсету үшін тым аз.",
        "Әдіс", ["Тек STATS келісімі бар оқиғалар саналады.", "5-тен аз сандар жасырылады; жасырылған сандарды жалпы сомадан шығаруға болмайды."], pageLabel);

    /// <summary>A section as the dashboard builds it: a hidden row drawn as a bar one short of the threshold; a suppressed total hides all.</summary>
    private static DashboardSection Section(string id, string title, string? note, ChartKind kind, string countHeading, params (string Label, long? Count)[] rows)
    {
        var hidden = rows.Any(r => r.Count is null);
        var sum = rows.Sum(r => r.Count ?? 4);
        var total = new Cell(rows.All(r => r.Count is null) ? null : sum);
        var table = new StatTable([.. rows.Select((r, i) => new StatRow(i.ToString(CultureInfo.InvariantCulture), new Cell(total.Suppressed ? null : r.Count)))], total);
        var bars = table.Rows.Select((r, i) => new ChartBar(rows[i].Label, r.Cell.Value ?? 4, r.Cell.Value is { } v ? v.ToString("N0", Kazakh) : "5-тен аз", r.Cell.Suppressed)).ToList();
        Assert.True(hidden || rows.Length == 0 || !total.Suppressed);
        return new DashboardSection(id, title, note, new Chart(id + "-chart", title, title, kind, bars), table, [.. rows.Select(r => r.Label)], countHeading);
    }

    private static byte[] Write(ReportContent content)
    {
        using var stream = new MemoryStream();
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = Kazakh; // as in a request in Kazakh: the totals are formatted by the report
        try
        {
            PdfReport.Write(content, stream);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        var bytes = stream.ToArray();
        if (Environment.GetEnvironmentVariable("AMANAT_PDF_SAMPLE") is { Length: > 0 } path && content.Title == Title)
        {
            File.WriteAllBytes(path, bytes);
        }

        return bytes;
    }

    /// <summary>Each page's text, its lines rebuilt from the words (PdfPig's own text has no line breaks).</summary>
    /// <param name="size">Only the words in letters of this size (e.g. the tables without the charts).</param>
    private static (List<string> Pages, string? Title) Read(byte[] bytes, double? size = null)
    {
        using var pdf = PigDocument.Open(bytes);
        var pages = pdf.GetPages().Select(p => Text(p, size)).ToList();
        return (pages, pdf.Information.Title);
    }

    private static string Text(Page page, double? size) => string.Join("\n", page.GetWords()
        .Where(w => size is not { } s || w.Letters.All(l => Math.Abs(l.PointSize - s) < 0.1))
        .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
        .OrderByDescending(g => g.Key)
        .Select(g => Spaced(string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)))));

    /// <summary>Group separators (no-break spaces) as plain spaces: PdfPig may split words at them.</summary>
    private static string Spaced(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

}
