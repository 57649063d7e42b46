namespace Amanat.Core.Statistics;

public enum ChartKind
{
    /// <summary>Horizontal bars: categories with long names, readable on a narrow phone.</summary>
    Bars,

    /// <summary>Vertical columns: months, in order.</summary>
    Columns,
}

/// <summary>One bar: its label, its length, what is written on it; a hidden value is drawn hatched as "fewer than N".</summary>
public sealed record ChartBar(string Label, double Value, string Display, bool Suppressed);

/// <summary>
/// A chart as data, drawn as SVG on the dashboard (and later in the PDF report) from the same protected
/// figures as the table beside it: a title, a text alternative, the bars.
/// </summary>
public sealed record Chart(string Id, string Title, string Description, ChartKind Kind, IReadOnlyList<ChartBar> Bars);
