using System.Globalization;
using System.Text;
using Amanat.Core.Statistics;
using Amanat.Web.Resources;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Amanat.Web.Features.Statistics;

/// <summary>One line of the figures as a table: which breakdown, which category, its code, the number shown, or why none is.</summary>
internal sealed record ExportRow(string Breakdown, string Category, string Code, long? Value, string Note);

/// <summary>
/// The dashboard's protected figures (never the exact ones) as CSV, XLSX or the PDF report, in the chosen
/// language: the same cells as on the page, hidden cells as "fewer than N", every text cell neutralised so
/// nothing becomes a formula (<see cref="SheetText"/>).
/// </summary>
internal sealed class StatisticsExport(IStringLocalizer<SharedResource> text)
{
    public IReadOnlyList<string> Header => [text["Export.Breakdown"], text["Export.Category"], text["Export.Code"], text["Export.Value"], text["Export.Note"]];

    /// <summary>The rows: what was asked, the key figures, money, then every breakdown with its total.</summary>
    public IReadOnlyList<ExportRow> Rows(DashboardView view, IReadOnlyList<KeyFigure> about)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(about);
        var rows = new List<ExportRow>();
        var asked = text["Export.About"].Value;
        rows.AddRange(about.Select(a => new ExportRow(asked, a.Label, string.Empty, null, a.Display)));
        rows.AddRange(Method(view).Select(m => new ExportRow(asked, text["Export.Method"], string.Empty, null, m)));
        var key = text["Stats.Key"].Value;
        rows.AddRange(view.Key.Select(k => new ExportRow(key, k.Label, string.Empty, k.Value, k.Value is null ? k.Display : string.Empty)));
        var money = text["Stats.Money"].Value;
        rows.AddRange(view.Money.Select(m => new ExportRow(money, m.Label, m.Label, m.Value, m.Value is null ? m.Display : string.Empty)));
        var fewer = text["Stats.FewerThan", view.Threshold].Value;
        foreach (var section in view.Sections)
        {
            if (section.Table.Rows.Count == 0 || section.Table.Suppressed)
            {
                rows.Add(new ExportRow(section.Title, string.Empty, string.Empty, null, section.Table.Rows.Count == 0 ? text["Stats.None"] : text["Stats.TooFew", view.Threshold]));
                continue;
            }

            for (var i = 0; i < section.Table.Rows.Count; i++)
            {
                var cell = section.Table.Rows[i].Cell;
                var code = section.Id == "months" ? section.Labels[i] : section.Table.Rows[i].Code;
                rows.Add(new ExportRow(section.Title, section.Labels[i], code, cell.Value, cell.Suppressed ? fewer : string.Empty));
            }

            rows.Add(new ExportRow(section.Title, text["Stats.Total"], string.Empty, section.Table.Total.Value, section.Table.Total.Suppressed ? fewer : string.Empty));
        }

        return rows;
    }

    /// <summary>How the figures were protected, in words (the page's note, the PDF's method section, the files' head).</summary>
    public IReadOnlyList<string> Method(DashboardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var method = new List<string> { text["Export.MethodConsent"], text["Export.MethodSuppression", view.Threshold] };
        if (view.Rounded)
        {
            method.Add(text["Export.MethodRounding"]);
        }

        return method;
    }

    /// <summary>CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Cyrillic), written as it goes.</summary>
    public async Task WriteCsvAsync(Stream output, IReadOnlyList<ExportRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(SheetText.CsvLine(Header).AsMemory(), cancellationToken);
        foreach (var row in rows)
        {
            await writer.WriteAsync(SheetText.CsvLine([row.Breakdown, row.Category, row.Code, row.Value?.ToString(CultureInfo.InvariantCulture), row.Note]).AsMemory(), cancellationToken);
        }
    }

    /// <summary>
    /// XLSX through MiniExcel, numbers as numbers. MiniExcel's zip writer needs a seekable stream, so the file is
    /// built in memory first: the figures are a few hundred rows at most, whatever the number of incidents.
    /// </summary>
    public async Task WriteXlsxAsync(Stream output, IReadOnlyList<ExportRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        var header = Header;
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            [header[0]] = SheetText.Neutralise(r.Breakdown),
            [header[1]] = SheetText.Neutralise(r.Category),
            [header[2]] = SheetText.Neutralise(r.Code),
            [header[3]] = r.Value,
            [header[4]] = SheetText.Neutralise(r.Note),
        });
        using var buffer = new MemoryStream();
        await MiniExcel.SaveAsAsync(buffer, sheet, sheetName: Sheet(text["Stats.Heading"]), excelType: ExcelType.XLSX,
            configuration: new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = true, AutoFilter = true, FreezeRowCount = 1 }, cancellationToken: cancellationToken);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    /// <summary>The PDF report's content: a title page, key figures, every breakdown as chart and table, the method.</summary>
    public ReportContent Report(DashboardView view, IReadOnlyList<KeyFigure> about, string generated)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(about);
        var lines = about.Select(a => a.Label + ": " + a.Display).Append(generated).ToList();
        if (view.Rounded)
        {
            lines.Add(text["Stats.RoundedNote"]);
        }

        return new ReportContent(
            text["Export.ReportTitle"], lines, text["Stats.Key"], view.Key, text["Stats.Money"], view.Money, view.Sections,
            text["Stats.What"], text["Stats.Total"], text["Stats.FewerThan", view.Threshold], text["Stats.None"], text["Stats.TooFew", view.Threshold],
            text["Export.Method"], [text["Stats.Method", view.Threshold], .. Method(view)], text["Export.Page"]);
    }

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string Sheet(string name)
    {
        var clean = new string([.. name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]);
        return clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "Sheet1" : clean;
    }
}
