using Amanat.Core.Statistics;
using PdfSharp.Drawing;

namespace Amanat.Web.Features.Statistics;

/// <summary>
/// Draws a <see cref="Chart"/> on the report's page as the dashboard shows it (<see cref="SvgChart"/>): bars or
/// columns in the ink colour, lengths in proportion, a hidden ("fewer than N") value hatched. Horizontal bars
/// carry their label above (or, when there are too many for a page, beside) the bar and their value after it;
/// columns carry a few labels under the axis, and their values above when these fit. A bar never splits.
/// </summary>
internal sealed class PdfChart
{
    private const double Bar = 10;
    private const double StackedGap = 7;
    private const double CompactGap = 4;
    private const double ColumnArea = 130;
    private const double HatchStep = 3.5;

    /// <summary>A hidden value stays visible as a hatched bar even beside very large ones.</summary>
    private const double LeastHatched = 14;

    private readonly PdfLayout layout;
    private readonly Chart chart;
    private readonly double max;
    private readonly double valueWidth;
    private readonly bool compact;

    /// <param name="above">The height of what must stay on the page with the chart (its section's heading).</param>
    public PdfChart(PdfLayout layout, Chart chart, double above)
    {
        this.layout = layout;
        this.chart = chart;
        max = Math.Max(1, chart.Bars.Count == 0 ? 1 : chart.Bars.Max(b => b.Value));
        valueWidth = chart.Bars.Select(b => layout.Measure(b.Display, layout.Small)).DefaultIfEmpty(0).Max() + 6;
        var stacked = PdfLayout.LineHeight(layout.Small) + 1 + Bar + StackedGap;
        compact = chart.Kind == ChartKind.Bars && (chart.Bars.Count * stacked) + above > layout.PageContent;
        RowHeight = compact ? Math.Max(PdfLayout.LineHeight(layout.Small), Bar) + CompactGap : stacked;
    }

    private double RowHeight { get; }

    public double Height => chart.Kind == ChartKind.Columns
        ? ColumnArea + PdfLayout.LineHeight(layout.Small) + 6
        : chart.Bars.Count * RowHeight;

    /// <summary>What must come on one page with the heading: the whole chart, or its first bars if it is longer than a page.</summary>
    public double FirstBlock(double above) => Height + above <= layout.PageContent ? Height : Math.Min(Height, 3 * RowHeight);

    public void Draw()
    {
        if (chart.Kind == ChartKind.Columns)
        {
            Columns();
        }
        else
        {
            Bars();
        }
    }

    private void Bars()
    {
        var line = PdfLayout.LineHeight(layout.Small);
        var labelWidth = compact ? Math.Round(layout.Width * 0.38) : 0;
        var start = layout.Left + (compact ? labelWidth + 6 : 0);
        var longest = layout.Left + layout.Width - valueWidth - start;
        foreach (var bar in chart.Bars)
        {
            layout.Ensure(RowHeight);
            var y = layout.Y;
            var barTop = compact ? y + ((RowHeight - CompactGap - Bar) / 2) : y + line + 1;
            if (compact)
            {
                var label = layout.Shorten(bar.Label, layout.Small, labelWidth);
                layout.Graphics.DrawString(label, layout.Small, layout.Text, new XRect(layout.Left, barTop, labelWidth, Bar), XStringFormats.CenterLeft);
            }
            else
            {
                layout.Lines([layout.Shorten(bar.Label, layout.Small, layout.Width)], layout.Small, layout.Text, layout.Left, y, layout.Width);
            }

            var length = Length(bar, longest);
            Fill(bar, new XRect(start, barTop, length, Bar));
            layout.Graphics.DrawString(bar.Display, layout.Small, layout.Text, new XRect(start + length + 4, barTop, valueWidth, Bar), XStringFormats.CenterLeft);
            layout.Y += RowHeight;
        }
    }

    private void Columns()
    {
        var gfx = layout.Graphics;
        var n = Math.Max(1, chart.Bars.Count);
        var slot = layout.Width / n;
        var axis = layout.Y + ColumnArea;
        var line = PdfLayout.LineHeight(layout.Small);
        var values = chart.Bars.All(b => layout.Measure(b.Display, layout.Small) <= slot - 1);
        var tallest = ColumnArea - (values ? line + 2 : 4);
        var widest = chart.Bars.Select(b => layout.Measure(b.Label, layout.Small)).DefaultIfEmpty(0).Max();
        var every = Math.Max((int)Math.Ceiling(n / 6.0), (int)Math.Ceiling((widest + 8) / slot));
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var height = Length(bar, tallest);
            var x = layout.Left + (i * slot);
            Fill(bar, new XRect(x + (slot * 0.15), axis - height, slot * 0.7, height));
            if (values)
            {
                gfx.DrawString(bar.Display, layout.Small, layout.Text, new XRect(x, axis - height - line - 1, slot, line), XStringFormats.TopCenter);
            }

            if (i % every == 0)
            {
                var label = layout.Shorten(bar.Label, layout.Small, layout.Width);
                var width = layout.Measure(label, layout.Small);
                var left = Math.Clamp(x + (slot / 2) - (width / 2), layout.Left, layout.Left + layout.Width - width);
                gfx.DrawLine(layout.InkPen, x + (slot / 2), axis, x + (slot / 2), axis + 3);
                gfx.DrawString(label, layout.Small, layout.Text, new XRect(left, axis + 4, width + 1, line), XStringFormats.TopLeft);
            }
        }

        gfx.DrawLine(new XPen(XColor.FromArgb(0x55, 0x55, 0x55), 0.75), layout.Left, axis, layout.Left + layout.Width, axis);
        layout.Y += Height;
    }

    /// <summary>In proportion to the largest value; a non-zero value at least a sliver, a hidden one wide enough to show its hatching.</summary>
    private double Length(ChartBar bar, double longest)
    {
        var length = bar.Value / max * longest;
        return bar.Suppressed ? Math.Max(length, LeastHatched) : bar.Value > 0 ? Math.Max(length, 1) : 0;
    }

    private void Fill(ChartBar bar, XRect rect)
    {
        var gfx = layout.Graphics;
        if (rect.Width <= 0 || rect.Height <= 0)
        {
            return;
        }

        if (!bar.Suppressed)
        {
            gfx.DrawRectangle(layout.InkPen, layout.Ink, rect);
            return;
        }

        // Hatched: diagonal lines in the ink colour on white, clipped to the bar, as the dashboard's pattern.
        var state = gfx.Save();
        gfx.IntersectClip(rect);
        var pen = new XPen(PdfLayout.InkColor, 1.2);
        for (var d = 0.0; d < rect.Width + rect.Height; d += HatchStep)
        {
            gfx.DrawLine(pen, rect.X + d - rect.Height, rect.Bottom, rect.X + d, rect.Y);
        }

        gfx.Restore(state);
        gfx.DrawRectangle(layout.InkPen, rect);
    }
}
