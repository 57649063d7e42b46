namespace Amanat.Core.Statistics;

/// <summary>What the dashboard is asked: months (inclusive) and at most one code per dimension.</summary>
public sealed record StatFilter(DateOnly From, DateOnly To, string? City = null, string? Violation = null, string? Perpetrator = null, string? Nationality = null)
{
    public bool Narrowed => City is not null || Violation is not null || Perpetrator is not null || Nationality is not null;
}

/// <summary>
/// The exact figures of the incidents a filter selects, computed in one scan of the <see cref="FactTable"/>.
/// They are never shown as they are: <see cref="Disclosure"/> protects them first.
/// </summary>
public sealed class Figures
{
    /// <summary>Days detained: 1, 2–3, 4–7, 8–14, 15–30, over 30.</summary>
    public static readonly int[] DaysBounds = [1, 3, 7, 14, 30];

    /// <summary>Reporting delay in days: 0–3, 4–7, 8–30, over 30.</summary>
    public static readonly int[] DelayBounds = [3, 7, 30];

    public int Incidents { get; private set; }

    public int People { get; private set; }

    public SortedDictionary<int, int> ByMonth { get; } = [];

    public Dictionary<string, int> ByViolation { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> ByPerpetrator { get; } = new(StringComparer.Ordinal);

    /// <summary>Incidents by station; "" where none was recorded.</summary>
    public Dictionary<string, int> ByStation { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> ByCity { get; } = new(StringComparer.Ordinal);

    /// <summary>People (not incidents) by nationality.</summary>
    public Dictionary<string, int> ByNationality { get; } = new(StringComparer.Ordinal);

    /// <summary>Incidents where days detained were recorded (more than zero).</summary>
    public int Detained { get; private set; }

    public long DaysDetained { get; private set; }

    public int[] DaysDistribution { get; } = new int[DaysBounds.Length + 1];

    /// <summary>Money extorted per currency: the sum (minor units) and how many incidents it comes from.</summary>
    public Dictionary<string, (long Minor, int Incidents)> Money { get; } = new(StringComparer.Ordinal);

    public int DocumentsTaken { get; private set; }

    public int DocumentsReturned { get; private set; }

    public int DocumentsNotReturned { get; private set; }

    public int[] ReportingDelay { get; } = new int[DelayBounds.Length + 1];

    public int NoComplaint { get; private set; }

    public static Figures Of(FactTable table, StatFilter filter)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(filter);
        return table.Read(rows => Scan(table, rows, filter));
    }

    public static int Bucket(int value, int[] bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        var i = 0;
        while (i < bounds.Length && value > bounds[i])
        {
            i++;
        }

        return i;
    }

    private static Figures Scan(FactTable table, ReadOnlySpan<FactRow> rows, StatFilter filter)
    {
        var figures = new Figures();
        var from = FactRow.MonthOf(filter.From);
        var to = FactRow.MonthOf(filter.To);
        var city = Want(table.Cities, filter.City);
        var nationality = Want(table.NationalityCodes, filter.Nationality);
        var violationId = Want(table.ViolationCodes, filter.Violation);
        var perpetratorId = Want(table.PerpetratorCodes, filter.Perpetrator);
        if (city == -2 || nationality == -2 || violationId == -2 || perpetratorId == -2)
        {
            return figures; // a code no incident has: nothing matches
        }

        var violation = violationId >= 0 ? UInt128.One << violationId : UInt128.Zero;
        var perpetrator = perpetratorId >= 0 ? 1u << perpetratorId : 0u;
        var violationCounts = new int[table.ViolationCodes.Count];
        var perpetratorCounts = new int[table.PerpetratorCodes.Count];
        var stationCounts = new int[table.Stations.Count + 1];
        var cityCounts = new int[table.Cities.Count];
        var nationalityCounts = new int[table.NationalityCodes.Count];
        var money = new long[table.Currencies.Count];
        var moneyIncidents = new int[table.Currencies.Count];
        foreach (ref readonly var row in rows)
        {
            if (!row.Live || row.Month < from || row.Month > to || (city >= 0 && row.City != city)
                || (violationId >= 0 && (row.Violations & violation) == UInt128.Zero)
                || (perpetratorId >= 0 && (row.Perpetrators & perpetrator) == 0)
                || (nationality >= 0 && Array.IndexOf(row.Nationalities, (short)nationality) < 0))
            {
                continue;
            }

            figures.Incidents++;
            figures.ByMonth[row.Month] = figures.ByMonth.GetValueOrDefault(row.Month) + 1;
            foreach (var n in row.Nationalities)
            {
                if (nationality < 0 || n == nationality)
                {
                    figures.People++;
                    nationalityCounts[n]++;
                }
            }

            for (var v = row.Violations; v != UInt128.Zero; v &= v - UInt128.One)
            {
                violationCounts[(int)UInt128.TrailingZeroCount(v)]++;
            }

            for (var p = row.Perpetrators; p != 0; p &= p - 1)
            {
                perpetratorCounts[System.Numerics.BitOperations.TrailingZeroCount(p)]++;
            }

            stationCounts[row.Station + 1]++;
            cityCounts[row.City]++;
            if (row.DaysDetained > 0)
            {
                figures.Detained++;
                figures.DaysDetained += row.DaysDetained;
                figures.DaysDistribution[Bucket(row.DaysDetained, DaysBounds)]++;
            }

            if (row.Currency >= 0)
            {
                money[row.Currency] += row.Money;
                moneyIncidents[row.Currency]++;
            }

            if (row.DocumentsTaken)
            {
                figures.DocumentsTaken++;
                figures.DocumentsReturned += row.DocumentsReturned == 1 ? 1 : 0;
                figures.DocumentsNotReturned += row.DocumentsReturned == 2 ? 1 : 0;
            }

            figures.ReportingDelay[Bucket(row.DelayDays, DelayBounds)]++;
            figures.NoComplaint += row.NoComplaint ? 1 : 0;
        }

        Fill(figures.ByViolation, violationCounts, table.ViolationCodes);
        Fill(figures.ByPerpetrator, perpetratorCounts, table.PerpetratorCodes);
        Fill(figures.ByCity, cityCounts, table.Cities);
        Fill(figures.ByNationality, nationalityCounts, table.NationalityCodes);
        for (var i = 0; i < stationCounts.Length; i++)
        {
            if (stationCounts[i] > 0)
            {
                figures.ByStation[i == 0 ? string.Empty : table.Stations.Code(i - 1)] = stationCounts[i];
            }
        }

        for (var i = 0; i < money.Length; i++)
        {
            if (moneyIncidents[i] > 0)
            {
                figures.Money[table.Currencies.Code(i)] = (money[i], moneyIncidents[i]);
            }
        }

        return figures;
    }

    /// <summary>−1: no filter; −2: a code no fact has; else its number.</summary>
    private static int Want(Codebook book, string? code) => code is null ? -1 : book.Find(code) is >= 0 and var id ? id : -2;

    private static void Fill(Dictionary<string, int> into, int[] counts, Codebook book)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                into[book.Code(i)] = counts[i];
            }
        }
    }
}
