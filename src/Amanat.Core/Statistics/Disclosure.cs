namespace Amanat.Core.Statistics;

/// <summary>One figure as it may be shown: its value (rounded for analysts), or "fewer than the threshold".</summary>
public sealed record Cell(long? Value)
{
    public bool Suppressed => Value is null;
}

public sealed record StatRow(string Code, Cell Cell);

/// <summary>A protected breakdown whose rows add up to <see cref="Total"/>.</summary>
public sealed record StatTable(IReadOnlyList<StatRow> Rows, Cell Total)
{
    public bool Suppressed => Total.Suppressed;
}

/// <summary>
/// What may be shown of exact figures (ADR-016): a count under the threshold is "fewer than N"; in every
/// breakdown more cells are hidden until no hidden cell can be worked out from the total and the shown
/// cells (at least two hidden, together at least N); for analysts every count is rounded to a multiple of
/// five and sums are rounded too; coordinators see exact counts.
/// </summary>
public sealed class Disclosure
{
    public const int Base = 5;

    public Disclosure(int threshold, bool rounded)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 2);
        Threshold = threshold;
        Rounded = rounded;
    }

    public int Threshold { get; }

    /// <summary>Analysts: counts rounded to a base of 5.</summary>
    public bool Rounded { get; }

    /// <summary>Is there enough to show anything at all? A selection resting on fewer incidents is refused.</summary>
    public bool Allows(int incidents) => incidents >= Threshold;

    /// <summary>A count on its own.</summary>
    public Cell Count(long exact) => exact == 0 ? new Cell(0) : exact < Threshold ? new Cell(null) : new Cell(Round(exact));

    /// <summary>A breakdown with its total, with complementary suppression.</summary>
    public StatTable Table(IEnumerable<(string Code, long Count)> cells, long total)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var list = cells.ToList();
        var counts = list.Select(c => c.Count).ToList();
        var hidden = Hidden(counts, Threshold);
        var totalCell = Count(total);
        if (hidden.Any(h => h) && !Safe(counts, hidden, Threshold))
        {
            totalCell = new Cell(null); // every non-zero cell is hidden and still they could be worked out: nothing is shown
        }

        return new StatTable(
            [.. list.Select((c, i) => new StatRow(c.Code, totalCell.Suppressed || hidden[i] ? new Cell(null) : Count(c.Count)))],
            totalCell);
    }

    /// <summary>
    /// A sum (days detained, money) shown only when at least the threshold of incidents stand behind it; for
    /// analysts rounded to two significant figures, so that two overlapping selections do not give one
    /// incident's value by difference.
    /// </summary>
    public long? Sum(long exact, int incidents)
    {
        if (incidents < Threshold)
        {
            return null;
        }

        if (!Rounded || exact < 100)
        {
            return Rounded ? Round(exact) : exact;
        }

        var scale = (long)Math.Pow(10, Math.Floor(Math.Log10(exact)) - 1);
        return (long)Math.Round((double)exact / scale, MidpointRounding.AwayFromZero) * scale;
    }

    /// <summary>
    /// Which cells to hide: first those under the threshold (not zeros); then, while the hidden cells could be
    /// worked out (<see cref="Safe"/>), the smallest shown non-zero cell too.
    /// </summary>
    public static bool[] Hidden(IReadOnlyList<long> counts, int threshold)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var hidden = counts.Select(c => c > 0 && c < threshold).ToArray();
        while (hidden.Any(h => h))
        {
            if (Safe(counts, hidden, threshold))
            {
                break;
            }

            var next = Enumerable.Range(0, counts.Count).Where(i => !hidden[i] && counts[i] > 0).OrderBy(i => counts[i]).DefaultIfEmpty(-1).First();
            if (next < 0)
            {
                break; // every non-zero cell is hidden: only the total says how many, and it is checked on its own
            }

            hidden[next] = true;
        }

        return hidden;
    }

    /// <summary>
    /// The hidden cells cannot be worked out: at least two, together at least the threshold, and more than
    /// their number (else each would have to be exactly one).
    /// </summary>
    public static bool Safe(IReadOnlyList<long> counts, IReadOnlyList<bool> hidden, int threshold)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(hidden);
        var number = hidden.Count(h => h);
        var sum = counts.Where((_, i) => hidden[i]).Sum();
        return number == 0 || (number >= 2 && sum >= threshold && sum > number);
    }

    private long Round(long exact) => Rounded ? (long)Math.Round(exact / (double)Base, MidpointRounding.AwayFromZero) * Base : exact;
}
