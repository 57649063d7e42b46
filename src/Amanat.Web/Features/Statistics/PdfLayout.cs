using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Amanat.Web.Features.Statistics;

/// <summary>
/// Where the PDF report is on its way down the pages: the page being drawn, the position on it, the fonts and
/// colours; text that wraps; tables whose rows never split and whose header comes back on the next page; the
/// footers once the number of pages is known.
/// </summary>
internal sealed class PdfLayout : IDisposable
{
    /// <summary>2 cm.</summary>
    public const double Margin = 56.69;

    private const double CellPadding = 4;
    private const double CellGap = 12;

    private readonly PdfDocument document;
    private XGraphics? graphics;

    public PdfLayout(PdfDocument document)
    {
        this.document = document;
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        Body = new XFont(PdfFonts.Family, 10, XFontStyleEx.Regular, options);
        BodyBold = new XFont(PdfFonts.Family, 10, XFontStyleEx.Bold, options);
        Small = new XFont(PdfFonts.Family, 8.5, XFontStyleEx.Regular, options);
        Heading = new XFont(PdfFonts.Family, 15, XFontStyleEx.Bold, options);
        Subheading = new XFont(PdfFonts.Family, 11.5, XFontStyleEx.Bold, options);
        Title = new XFont(PdfFonts.Family, 26, XFontStyleEx.Bold, options);
        NewPage();
    }

    public static XColor InkColor { get; } = XColor.FromArgb(0x1f, 0x3b, 0x57);

    public XBrush Ink { get; } = new XSolidBrush(InkColor);

    public XBrush Text { get; } = new XSolidBrush(XColor.FromArgb(0x22, 0x22, 0x22));

    public XBrush Grey { get; } = new XSolidBrush(XColor.FromArgb(0x5b, 0x64, 0x6e));

    public XBrush HeaderFill { get; } = new XSolidBrush(XColor.FromArgb(0xe9, 0xee, 0xf3));

    public XPen InkPen { get; } = new(InkColor, 0.75);

    public XPen Rule { get; } = new(XColor.FromArgb(0xc8, 0xd0, 0xd8), 0.5);

    public XFont Body { get; }

    public XFont BodyBold { get; }

    public XFont Small { get; }

    public XFont Heading { get; }

    public XFont Subheading { get; }

    public XFont Title { get; }

    public XGraphics Graphics => graphics ?? throw new InvalidOperationException("The report is finished.");

    public double Left { get; } = Margin;

    public double Width => PageWidth - (2 * Margin);

    public double Top { get; } = Margin;

    public double Bottom => PageHeight - Margin;

    /// <summary>The height a block may have when it starts at the top of a page.</summary>
    public double PageContent => Bottom - Top;

    public double PageWidth { get; private set; }

    public double PageHeight { get; private set; }

    /// <summary>Where the next thing goes, from the top of the page.</summary>
    public double Y { get; set; }

    public bool AtTop => Y <= Top;

    public void NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        PageWidth = page.Width.Point;
        PageHeight = page.Height.Point;
        graphics = XGraphics.FromPdfPage(page);
        Y = Top;
    }

    /// <summary>Starts a new page unless a block of this height fits below; a block at the top of a page stays.</summary>
    public void Ensure(double height)
    {
        if (Y + height > Bottom && !AtTop)
        {
            NewPage();
        }
    }

    /// <summary>Space between blocks; none at the top of a page.</summary>
    public void Space(double height)
    {
        if (!AtTop)
        {
            Y += height;
        }
    }

    public static double LineHeight(XFont font) => font.GetHeight();

    public double Measure(string text, XFont font) => Graphics.MeasureString(text, font).Width;

    public IReadOnlyList<string> Wrap(string text, XFont font, double width) => TextFit.Wrap(text, width, s => Measure(s, font));

    public string Shorten(string text, XFont font, double width) => TextFit.Shorten(text, width, s => Measure(s, font));

    public double Height(string text, XFont font, double width) => Wrap(text, font, width).Count * LineHeight(font);

    /// <summary>Lines drawn from (x, y) down, left or right aligned in the width.</summary>
    public void Lines(IReadOnlyList<string> lines, XFont font, XBrush brush, double x, double y, double width, bool right = false)
    {
        var line = LineHeight(font);
        for (var i = 0; i < lines.Count; i++)
        {
            Graphics.DrawString(lines[i], font, brush, new XRect(x, y + (i * line), width, line), right ? XStringFormats.TopRight : XStringFormats.TopLeft);
        }
    }

    /// <summary>A wrapped paragraph at the current position, the full width; continues on the next page line by line.</summary>
    public void Paragraph(string text, XFont font, XBrush brush, double after = 0)
    {
        var line = LineHeight(font);
        foreach (var l in Wrap(text, font, Width))
        {
            Ensure(line);
            Lines([l], font, brush, Left, Y, Width);
            Y += line;
        }

        Y += after;
    }

    /// <summary>
    /// A two-column table (what | how many), the figures right-aligned: each row whole on one page; the header
    /// row, if any, repeated on a new page; the total row, if any, bold under a ruled line, never alone on a page.
    /// </summary>
    public void Table(TableRow? header, IReadOnlyList<TableRow> rows, TableRow? total, double valueWidth)
    {
        var labelWidth = Width - valueWidth - CellGap;
        var all = rows.Select(r => (Row: r, Bold: false)).ToList();
        if (total is { } t)
        {
            all.Add((t, true));
        }

        var headerHeight = header is { } h ? RowHeight(h, BodyBold, labelWidth, valueWidth) : 0;
        var first = all.Count > 0 ? RowHeight(all[0].Row, Body, labelWidth, valueWidth) : 0;
        Ensure(headerHeight + first);
        DrawHeader();
        var totalHeight = total is { } last ? RowHeight(last, BodyBold, labelWidth, valueWidth) : 0;
        for (var i = 0; i < all.Count; i++)
        {
            var (row, bold) = all[i];
            var font = bold ? BodyBold : Body;
            var height = RowHeight(row, font, labelWidth, valueWidth);
            var keep = total is not null && i == all.Count - 2 ? totalHeight : 0; // the last row stays with the total
            if (Y + height + keep > Bottom && !AtTop)
            {
                NewPage();
                DrawHeader();
            }

            if (bold)
            {
                Graphics.DrawLine(InkPen, Left, Y, Left + Width, Y);
            }

            Lines(Wrap(row.Label, font, labelWidth), font, Text, Left + CellPadding, Y + CellPadding, labelWidth - CellPadding);
            Lines(Wrap(row.Value, font, valueWidth), font, Text, Left + Width - valueWidth - CellPadding, Y + CellPadding, valueWidth, right: true);
            Y += height;
            if (!bold)
            {
                Graphics.DrawLine(Rule, Left, Y, Left + Width, Y);
            }
        }

        void DrawHeader()
        {
            if (header is not { } head)
            {
                return;
            }

            Graphics.DrawRectangle(HeaderFill, Left, Y, Width, headerHeight);
            Lines(Wrap(head.Label, BodyBold, labelWidth), BodyBold, Ink, Left + CellPadding, Y + CellPadding, labelWidth - CellPadding);
            Lines(Wrap(head.Value, BodyBold, valueWidth), BodyBold, Ink, Left + Width - valueWidth - CellPadding, Y + CellPadding, valueWidth, right: true);
            Y += headerHeight;
            Graphics.DrawLine(InkPen, Left, Y, Left + Width, Y);
        }
    }

    /// <summary>The value column: as wide as its widest text, within bounds.</summary>
    public double ValueWidth(IEnumerable<string> values, XFont font, double least, double most) =>
        Math.Clamp(values.Select(v => Measure(v, font)).DefaultIfEmpty(0).Max() + 2, least, most);

    /// <summary>"Page n of N" and the title at the foot of every page, once all pages are laid out.</summary>
    public void Footers(string title, string pageLabel)
    {
        graphics?.Dispose();
        graphics = null;
        var total = document.PageCount;
        for (var i = 0; i < total; i++)
        {
            using var gfx = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var y = Bottom + 16;
            var line = LineHeight(Small);
            gfx.DrawLine(Rule, Left, y, Left + Width, y);
            var label = string.Format(CultureInfo.InvariantCulture, pageLabel, i + 1, total);
            var labelWidth = gfx.MeasureString(label, Small).Width;
            var name = TextFit.Shorten(title, Width - labelWidth - CellGap, s => gfx.MeasureString(s, Small).Width);
            gfx.DrawString(name, Small, Grey, new XRect(Left, y + 4, Width - labelWidth - CellGap, line), XStringFormats.TopLeft);
            gfx.DrawString(label, Small, Grey, new XRect(Left, y + 4, Width, line), XStringFormats.TopRight);
        }
    }

    public void Dispose() => graphics?.Dispose();

    private double RowHeight(TableRow row, XFont font, double labelWidth, double valueWidth) =>
        Math.Max(Height(row.Label, font, labelWidth - CellPadding), Height(row.Value, font, valueWidth)) + (2 * CellPadding);
}

/// <summary>A row of a two-column table.</summary>
internal readonly record struct TableRow(string Label, string Value);

/// <summary>Text fitted to a width by measure: wrapped at spaces (a word too long for a line is broken), or shortened with "…".</summary>
internal static class TextFit
{
    public static IReadOnlyList<string> Wrap(string text, double width, Func<string, double> measure)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (measure(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && measure(line) > width)
                {
                    var n = Fitting(line, width, measure);
                    lines.Add(line[..n]);
                    line = line[n..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    public static string Shorten(string text, double width, Func<string, double> measure)
    {
        if (measure(text) <= width)
        {
            return text;
        }

        var n = text.Length;
        while (n > 0 && measure(text[..n].TrimEnd() + "…") > width)
        {
            n--;
        }

        return n == 0 ? "…" : text[..n].TrimEnd() + "…";
    }

    /// <summary>How many characters of the word fit (at least one, never half a surrogate pair).</summary>
    private static int Fitting(string word, double width, Func<string, double> measure)
    {
        var n = word.Length - 1;
        while (n > 1 && measure(word[..n]) > width)
        {
            n--;
        }

        if (n > 1 && char.IsHighSurrogate(word[n - 1]))
        {
            n--;
        }

        return Math.Max(1, n);
    }
}
