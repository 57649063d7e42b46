using System.Globalization;
using Amanat.Core.Statistics;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Amanat.Web.Features.Statistics;

/// <summary>Everything the PDF report shows, already protected and in the chosen language.</summary>
internal sealed record ReportContent(
    string Title,
    IReadOnlyList<string> TitleLines,
    string KeyHeading,
    IReadOnlyList<KeyFigure> Key,
    string MoneyHeading,
    IReadOnlyList<KeyFigure> Money,
    IReadOnlyList<DashboardSection> Sections,
    string WhatHeading,
    string TotalLabel,
    string FewerThan,
    string NoneText,
    string TooFewText,
    string MethodHeading,
    IReadOnlyList<string> Method,
    string PageLabel);

/// <summary>
/// The statistics report as a PDF (A4 portrait): the title and what was selected, the key figures, each
/// section's chart and table from the same protected figures as the dashboard, the method note, and
/// "page n of N" at the foot of every page. Text is Unicode with DejaVu Sans embedded, so that Kazakh and Uzbek
/// letters print and can be copied and searched.
/// </summary>
internal static class PdfReport
{
    private const double SectionSpace = 22;

    /// <summary>Writes the report as a PDF to the stream (A4 portrait).</summary>
    public static void Write(ReportContent content, Stream output)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(output);
        PdfFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = content.Title;
        document.Info.Creator = "Amanat";
        using (var layout = new PdfLayout(document))
        {
            TitleBlock(layout, content);
            Figures(layout, content.KeyHeading, layout.Heading, content.Key);
            if (content.Money.Count > 0)
            {
                layout.Space(10);
                Figures(layout, content.MoneyHeading, layout.Subheading, content.Money);
            }

            foreach (var section in content.Sections)
            {
                Section(layout, content, section);
            }

            Method(layout, content);
            layout.Footers(content.Title, content.PageLabel);
        }

        document.Save(output, false);
    }

    private static void TitleBlock(PdfLayout layout, ReportContent content)
    {
        layout.Graphics.DrawRectangle(layout.Ink, layout.Left, layout.Y, layout.Width, 4);
        layout.Y += 22;
        layout.Paragraph(content.Title, layout.Title, layout.Ink, 10);
        foreach (var line in content.TitleLines)
        {
            layout.Paragraph(line, layout.Body, layout.Grey, 3);
        }

        layout.Y += 10;
        layout.Graphics.DrawLine(layout.Rule, layout.Left, layout.Y, layout.Left + layout.Width, layout.Y);
        layout.Y += 24;
    }

    private static void Figures(PdfLayout layout, string heading, XFont font, IReadOnlyList<KeyFigure> figures)
    {
        layout.Ensure(layout.Height(heading, font, layout.Width) + 40);
        layout.Paragraph(heading, font, layout.Ink, 6);
        var rows = figures.Select(f => new TableRow(f.Label, f.Display)).ToList();
        var valueWidth = layout.ValueWidth(rows.Select(r => r.Value), layout.Body, 80, layout.Width * 0.45);
        layout.Table(null, rows, null, valueWidth);
    }

    private static void Section(PdfLayout layout, ReportContent content, DashboardSection section)
    {
        layout.Space(SectionSpace);
        var headingHeight = layout.Height(section.Title, layout.Heading, layout.Width) + 6
            + (section.Note is { } note ? layout.Height(note, layout.Small, layout.Width) + 6 : 0);
        string? message = section.Table.Rows.Count == 0 ? content.NoneText : section.Table.Suppressed ? content.TooFewText : null;
        if (message is not null)
        {
            layout.Ensure(headingHeight + layout.Height(message, layout.Body, layout.Width));
            Heading(layout, section);
            layout.Paragraph(message, layout.Body, layout.Text);
            return;
        }

        var chart = new PdfChart(layout, section.Chart, headingHeight);
        layout.Ensure(headingHeight + chart.FirstBlock(headingHeight));
        Heading(layout, section);
        chart.Draw();
        layout.Y += 12;

        var rows = section.Table.Rows.Select((_, i) => new TableRow(section.Labels[i], section.Chart.Bars[i].Display)).ToList();
        var total = new TableRow(content.TotalLabel, section.Table.Total.Value?.ToString("N0", CultureInfo.CurrentCulture) ?? content.FewerThan);
        var header = new TableRow(content.WhatHeading, section.CountHeading);
        var valueWidth = Math.Max(
            layout.ValueWidth(rows.Append(total).Select(r => r.Value), layout.BodyBold, 70, layout.Width * 0.4),
            layout.ValueWidth(header.Value.Split(' '), layout.BodyBold, 70, layout.Width * 0.4));
        layout.Table(header, rows, total, valueWidth);
    }

    private static void Heading(PdfLayout layout, DashboardSection section)
    {
        layout.Paragraph(section.Title, layout.Heading, layout.Ink, 6);
        if (section.Note is { } note)
        {
            layout.Paragraph(note, layout.Small, layout.Grey, 6);
        }
    }

    private static void Method(PdfLayout layout, ReportContent content)
    {
        if (content.Method.Count == 0)
        {
            return;
        }

        layout.Space(SectionSpace);
        var first = layout.Height(content.Method[0], layout.Body, layout.Width);
        layout.Ensure(layout.Height(content.MethodHeading, layout.Subheading, layout.Width) + 6 + Math.Min(first, 60)); // the heading with its first lines
        layout.Paragraph(content.MethodHeading, layout.Subheading, layout.Ink, 6);
        foreach (var paragraph in content.Method)
        {
            layout.Paragraph(paragraph, layout.Body, layout.Text, 6);
        }
    }
}
