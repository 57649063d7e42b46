namespace Amanat.Core.Statistics;

/// <summary>Codes of one kind numbered in the order they are first met, for compact facts in memory.</summary>
public sealed class Codebook(int capacity = int.MaxValue)
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly List<string> codes = [];

    public int Count => codes.Count;

    /// <summary>The code's number; -1 for none, or when the book is full (then the code is not counted).</summary>
    public int Id(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return -1;
        }

        if (ids.TryGetValue(code, out var id))
        {
            return id;
        }

        if (codes.Count >= capacity)
        {
            return -1;
        }

        ids[code] = codes.Count;
        codes.Add(code);
        return codes.Count - 1;
    }

    /// <summary>The number of a code already met, or -1.</summary>
    public int Find(string? code) => code is not null && ids.TryGetValue(code, out var id) ? id : -1;

    public string Code(int id) => codes[id];
}

/// <summary>One incident's fact, compact (about 150 bytes with its index entry), so a million fit in memory and are scanned in tens of milliseconds.</summary>
internal struct FactRow
{
    public bool Live;

    /// <summary>Year × 12 + month − 1.</summary>
    public int Month;

    public short City;

    public short Station;

    public UInt128 Violations;

    public uint Perpetrators;

    /// <summary>The nationality of each person counted.</summary>
    public short[] Nationalities;

    /// <summary>−1: not recorded.</summary>
    public int DaysDetained;

    public long Money;

    /// <summary>−1: no money.</summary>
    public short Currency;

    public bool DocumentsTaken;

    /// <summary>0 not known, 1 returned, 2 not returned.</summary>
    public byte DocumentsReturned;

    public int DelayDays;

    public bool NoComplaint;

    public static int MonthOf(DateOnly date) => StatMonths.Of(date);
}

/// <summary>Months as numbers (year × 12 + month − 1), for sorting and ranges.</summary>
public static class StatMonths
{
    public static int Of(DateOnly date) => (date.Year * 12) + date.Month - 1;

    public static DateOnly FirstDay(int month) => new(month / 12, (month % 12) + 1, 1);
}

internal delegate T ReadScan<T>(ReadOnlySpan<FactRow> rows);

/// <summary>
/// Every incident's fact in memory, kept current by the application as incidents change (see
/// <c>StatisticsFacts</c>), scanned under a read lock. The coded facts are in the clear on disk anyway;
/// nothing here names anyone.
/// </summary>
public sealed class FactTable : IDisposable
{
    public const int MaxViolationCodes = 128;
    public const int MaxPerpetratorCodes = 32;

    private readonly ReaderWriterLockSlim gate = new();
    private readonly Dictionary<Guid, int> index = [];
    private readonly Stack<int> free = new();
    private FactRow[] rows = new FactRow[1024];
    private int used;

    public Codebook Cities { get; } = new();

    public Codebook Stations { get; } = new();

    public Codebook ViolationCodes { get; } = new(MaxViolationCodes);

    public Codebook PerpetratorCodes { get; } = new(MaxPerpetratorCodes);

    public Codebook NationalityCodes { get; } = new();

    public Codebook Currencies { get; } = new();

    public int Count
    {
        get
        {
            gate.EnterReadLock();
            try
            {
                return index.Count;
            }
            finally
            {
                gate.ExitReadLock();
            }
        }
    }

    /// <summary>Adds, replaces or (with null for a fact) removes the incidents' facts.</summary>
    public void Apply(IEnumerable<(Guid IncidentId, IncidentFact? Fact)> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        gate.EnterWriteLock();
        try
        {
            foreach (var (id, fact) in changes)
            {
                if (fact is null)
                {
                    if (index.Remove(id, out var gone))
                    {
                        rows[gone] = default;
                        free.Push(gone);
                    }

                    continue;
                }

                if (!index.TryGetValue(id, out var slot))
                {
                    slot = free.Count > 0 ? free.Pop() : used++;
                    if (slot >= rows.Length)
                    {
                        Array.Resize(ref rows, rows.Length * 2);
                    }

                    index[id] = slot;
                }

                rows[slot] = Compact(fact);
            }
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Runs a scan over the live rows under the read lock.</summary>
    internal T Read<T>(ReadScan<T> scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        gate.EnterReadLock();
        try
        {
            return scan(rows.AsSpan(0, used));
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    public void Dispose() => gate.Dispose();

    private FactRow Compact(IncidentFact fact)
    {
        var violations = UInt128.Zero;
        foreach (var code in fact.Violations.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (ViolationCodes.Id(code) is >= 0 and var bit)
            {
                violations |= UInt128.One << bit;
            }
        }

        var perpetrators = 0u;
        foreach (var code in fact.Perpetrators.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (PerpetratorCodes.Id(code) is >= 0 and var bit)
            {
                perpetrators |= 1u << bit;
            }
        }

        return new FactRow
        {
            Live = true,
            Month = FactRow.MonthOf(fact.OccurredOn),
            City = (short)Cities.Id(fact.CityCode),
            Station = (short)Stations.Id(fact.StationCode),
            Violations = violations,
            Perpetrators = perpetrators,
            Nationalities = [.. fact.Nationalities.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => (short)NationalityCodes.Id(n))],
            DaysDetained = fact.DaysDetained ?? -1,
            Money = fact.MoneyExtortedMinor ?? 0,
            Currency = (short)Currencies.Id(fact.MoneyExtortedMinor is > 0 ? fact.Currency : null),
            DocumentsTaken = fact.DocumentsTaken,
            DocumentsReturned = fact.DocumentsReturned switch { true => 1, false => 2, null => 0 },
            DelayDays = fact.ReportingDelayDays,
            NoComplaint = fact.NoComplaint,
        };
    }
}
