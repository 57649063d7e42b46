using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Amanat.Core.Statistics;

namespace Amanat.Web.Features.Statistics;

/// <summary>
/// Draws a <see cref="Chart"/> as inline SVG: a title and a text alternative (<c>role="img"</c>), sizes in
/// percentages of the width so that the text keeps its size on a 360-px phone and on paper, and a hidden
/// ("fewer than N") value hatched rather than only coloured differently. No script.
/// </summary>
internal static class SvgChart
{
    private const string Ink = "#1f3b57";
    private const int Row = 40;
    private const int ColumnHeight = 160;
    private const int MaxLabel = 34;

    public static string Render(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var svg = new StringBuilder();
        var height = chart.Kind == ChartKind.Columns ? ColumnHeight + 24 : (chart.Bars.Count * Row) + 4;
        svg.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-labelledby=\"{chart.Id}-title {chart.Id}-desc\" width=\"100%\" height=\"{height}\" class=\"chart-svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{chart.Id}-title\">{E(chart.Title)}</title><desc id=\"{chart.Id}-desc\">{E(chart.Description)}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<defs><pattern id=\"{chart.Id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{Ink}\" stroke-width=\"3\"/></pattern></defs>");
        var max = Math.Max(1, chart.Bars.Count == 0 ? 1 : chart.Bars.Max(b => b.Value));
        if (chart.Kind == ChartKind.Columns)
        {
            Columns(svg, chart, max);
        }
        else
        {
            Bars(svg, chart, max);
        }

        return svg.Append("</svg>").ToString();
    }

    private static void Bars(StringBuilder svg, Chart chart, double max)
    {
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var y = i * Row;
            var width = bar.Value / max * 78;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 14}\" font-size=\"14\" fill=\"#222\">{E(Short(bar.Label))}<title>{E(bar.Label)}</title></text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y + 20}\" width=\"{P(Math.Max(width, bar.Value > 0 ? 0.5 : 0))}\" height=\"14\" fill=\"{Fill(chart, bar)}\" stroke=\"{Ink}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{P(width + 1.5)}\" y=\"{y + 32}\" font-size=\"13\" fill=\"#222\">{E(bar.Display)}</text>");
        }
    }

    private static void Columns(StringBuilder svg, Chart chart, double max)
    {
        var n = Math.Max(1, chart.Bars.Count);
        var slot = 100.0 / n;
        var every = Math.Max(1, (int)Math.Ceiling(n / 6.0));
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{ColumnHeight}\" x2=\"100%\" y2=\"{ColumnHeight}\" stroke=\"#555\"/>");
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var h = Math.Max(bar.Value > 0 ? 2 : 0, bar.Value / max * (ColumnHeight - 16));
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{P((i * slot) + (slot * 0.15))}\" y=\"{ColumnHeight - h:0.#}\" width=\"{P(slot * 0.7)}\" height=\"{h:0.#}\" fill=\"{Fill(chart, bar)}\" stroke=\"{Ink}\"><title>{E(bar.Label)}: {E(bar.Display)}</title></rect>");
            if (i % every == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{P(i * slot)}\" y=\"{ColumnHeight + 16}\" font-size=\"12\" fill=\"#222\">{E(bar.Label)}</text>");
            }
        }
    }

    /// <summary>A label that fits a phone's width; the whole of it is in the table beside the chart.</summary>
    private static string Short(string label) => label.Length <= MaxLabel ? label : label[..(MaxLabel - 1)].TrimEnd() + "…";

    private static string Fill(Chart chart, ChartBar bar) => bar.Suppressed ? $"url(#{chart.Id}-hatch)" : Ink;

    private static string P(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);
}
