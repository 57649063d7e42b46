using System.Globalization;
using System.Numerics;

namespace Amanat.Core.Statistics;

/// <summary>The columns of the anonymised dataset besides the violations, each a quasi-identifier.</summary>
public enum DatasetField
{
    Period,
    Region,
    Perpetrators,
    Nationalities,
    People,
    DaysDetained,
    Documents,
    Money,
    ReportingDelay,
    NoComplaint,
}

/// <summary>What the network is given: months (inclusive), the columns, k and l.</summary>
/// <param name="K">Every released record shares all its column values with at least K other records.</param>
/// <param name="L">Every such group holds at least L different violation codes.</param>
/// <param name="MaxSuppressedShare">Generalise until at most this share of records must be left out.</param>
public sealed record DatasetRequest(DateOnly From, DateOnly To, IReadOnlyCollection<DatasetField> Fields, int K = 5, int L = 2, double MaxSuppressedShare = 0.05);

/// <summary>One released record: its column values in the order of <see cref="DatasetRelease.Fields"/>, and its violation codes.</summary>
public sealed record ReleasedRecord(IReadOnlyList<string> Values, IReadOnlyList<string> Violations);

/// <summary>
/// The incident-level dataset for network partners (ADR-017): one record per counted incident, codes only —
/// no free text, no identifier, the month at most, the region at most. Every column but the violations is
/// treated as a quasi-identifier: records are generalised column by column (month → quarter → year → withheld;
/// region → part of the country → country → withheld; sets of codes → coarser sets → withheld; buckets →
/// wider buckets → withheld), greedily choosing the step that leaves fewest records out, until at most
/// <see cref="DatasetRequest.MaxSuppressedShare"/> of them belong to a group that is too small (fewer than
/// K + 1 records) or not diverse (fewer than L different violation codes); those are left out.
/// </summary>
public sealed class DatasetRelease
{
    public const string Withheld = "*";

    /// <summary>The column's name in the files (stable, whatever the language).</summary>
    public static string Column(DatasetField field) => field switch
    {
        DatasetField.Period => "period",
        DatasetField.Region => "region",
        DatasetField.Perpetrators => "perpetrators",
        DatasetField.Nationalities => "nationalities",
        DatasetField.People => "people",
        DatasetField.DaysDetained => "days_detained",
        DatasetField.Documents => "documents",
        DatasetField.Money => "money_extorted",
        DatasetField.ReportingDelay => "reporting_delay",
        _ => "no_complaint",
    };

    /// <summary>The highest level of each field: withheld.</summary>
    public static int Top(DatasetField field) => field switch
    {
        DatasetField.Period or DatasetField.Region => 3,
        DatasetField.Money or DatasetField.NoComplaint => 1,
        _ => 2,
    };

    /// <summary>The columns in the order they are raised when two steps leave out as many records: least needed first.</summary>
    private static readonly DatasetField[] RaiseOrder =
    [
        DatasetField.NoComplaint, DatasetField.Money, DatasetField.ReportingDelay, DatasetField.Documents, DatasetField.People,
        DatasetField.DaysDetained, DatasetField.Nationalities, DatasetField.Perpetrators, DatasetField.Region, DatasetField.Period,
    ];

    private static readonly string[] PeopleValues = ["1", "2", "3+"];
    private static readonly string[] PeopleCoarse = ["1", "2+"];
    private static readonly string[] DaysValues = ["0", "1", "2-3", "4-7", "8-14", "15-30", "31+"];
    private static readonly string[] DaysCoarse = ["0", "1-7", "8+"];
    private static readonly string[] DocumentValues = ["NOT-TAKEN", "RETURNED", "KEPT", "UNKNOWN"];
    private static readonly string[] DocumentCoarse = ["NOT-TAKEN", "TAKEN"];
    private static readonly string[] YesNo = ["NO", "YES"];
    private static readonly string[] DelayValues = ["0-3", "4-7", "8-30", "31+"];
    private static readonly string[] DelayCoarse = ["0-7", "8+"];
    private static readonly string[] StateValues = ["STATE", "NON-STATE"];
    private static readonly string[] NationalityCoarse = ["KZ", "FOREIGN", "UNKNOWN"];

    /// <summary>Perpetrator categories who act for the state.</summary>
    public static readonly IReadOnlySet<string> StateActors = new HashSet<string>(StringComparer.Ordinal) { "POL", "MIG", "BRD", "OFF" };

    private readonly Quasi[] records;
    private readonly int[] levels = new int[10];
    private readonly CodeLists codes;
    private readonly Dictionary<Key, Stats> groups;

    private DatasetRelease(DatasetRequest request, Quasi[] records, CodeLists codes)
    {
        Request = request;
        this.records = records;
        this.codes = codes;
        Fields = [.. Enum.GetValues<DatasetField>().Where(request.Fields.Contains)];
        foreach (var field in Enum.GetValues<DatasetField>().Where(f => !request.Fields.Contains(f)))
        {
            levels[(int)field] = Top(field);
        }

        groups = Group(records.Select(r => (At(r), Level0(r).Stats)));
        groups = Generalise(groups, out var failing);
        Considered = records.Length;
        Suppressed = failing;
        Released = Considered - Suppressed;
        var kept = groups.Values.Where(Passes).ToList();
        Groups = kept.Count;
        SmallestGroup = kept.Count == 0 ? 0 : kept.Min(g => g.Count);
        GroupsWithCommonCode = kept.Count(g => g.Common != UInt128.Zero);
    }

    public DatasetRequest Request { get; }

    /// <summary>The released columns (besides violations), in order.</summary>
    public IReadOnlyList<DatasetField> Fields { get; }

    /// <summary>Incidents in the period with a fact (people who said YES to STATS).</summary>
    public int Considered { get; }

    public int Released { get; }

    /// <summary>Records left out because their group stayed too small or not diverse.</summary>
    public int Suppressed { get; }

    /// <summary>Groups of records with the same column values.</summary>
    public int Groups { get; }

    public int SmallestGroup { get; }

    /// <summary>Groups in which every record holds one same violation code (it is known of anyone known to be in the group).</summary>
    public int GroupsWithCommonCode { get; }

    /// <summary>How far a column was generalised: 0 as recorded … <see cref="Top"/> withheld.</summary>
    public int Level(DatasetField field) => levels[(int)field];

    /// <summary>Prepares the release from the facts in memory.</summary>
    public static DatasetRelease Of(FactTable table, DatasetRequest request)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.K, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.L, 1);
        var (records, codes) = table.Read(rows => Snapshot(table, rows, request));
        return new DatasetRelease(request, records, codes);
    }

    /// <summary>The released records, grouped (sorted by their values), formatted one at a time.</summary>
    public IEnumerable<ReleasedRecord> Records()
    {
        var order = new List<(Key Key, int Index)>(Released);
        for (var i = 0; i < records.Length; i++)
        {
            var key = At(records[i]);
            if (Passes(groups[key]))
            {
                order.Add((key, i));
            }
        }

        order.Sort((a, b) => Compare(a, b));
        foreach (var (key, index) in order)
        {
            yield return new ReleasedRecord([.. Fields.Select(f => Text(f, key))], Codes(records[index].Violations, codes.Violations));
        }
    }

    /// <summary>Every value a column can take at its released level (for the data dictionary).</summary>
    public IReadOnlyList<string> Values(DatasetField field) => (field, Level(field)) switch
    {
        (_, var level) when level == Top(field) => [Withheld],
        (DatasetField.Region, 0) => [.. codes.Regions.Order(StringComparer.Ordinal)],
        (DatasetField.Region, 1) => Regions.PartCodes,
        (DatasetField.Region, 2) => [Regions.Kazakhstan, Regions.Abroad],
        (DatasetField.Perpetrators, 0) => [.. codes.Perpetrators.Order(StringComparer.Ordinal)],
        (DatasetField.Perpetrators, 1) => StateValues,
        (DatasetField.Nationalities, 0) => [.. codes.Nationalities.Order(StringComparer.Ordinal)],
        (DatasetField.Nationalities, 1) => NationalityCoarse,
        (DatasetField.People, 0) => PeopleValues,
        (DatasetField.People, 1) => PeopleCoarse,
        (DatasetField.DaysDetained, 0) => DaysValues,
        (DatasetField.DaysDetained, 1) => DaysCoarse,
        (DatasetField.Documents, 0) => DocumentValues,
        (DatasetField.Documents, 1) => DocumentCoarse,
        (DatasetField.ReportingDelay, 0) => DelayValues,
        (DatasetField.ReportingDelay, 1) => DelayCoarse,
        (DatasetField.Money or DatasetField.NoComplaint, _) => YesNo,
        _ => [],
    };

    /// <summary>The violation codes that occur in the released records.</summary>
    public IReadOnlyList<string> ViolationCodes => [.. codes.Violations.Order(StringComparer.Ordinal)];

    private static (Quasi[], CodeLists) Snapshot(FactTable table, ReadOnlySpan<FactRow> rows, DatasetRequest request)
    {
        var from = StatMonths.Of(request.From);
        var to = StatMonths.Of(request.To);
        var regionBook = new Codebook();
        var cityRegion = new int[table.Cities.Count];
        for (var c = 0; c < cityRegion.Length; c++)
        {
            cityRegion[c] = regionBook.Id(Regions.Of(table.Cities.Code(c)));
        }

        var codes = new CodeLists
        {
            Perpetrators = [.. Enumerable.Range(0, table.PerpetratorCodes.Count).Select(table.PerpetratorCodes.Code)],
            Nationalities = [.. Enumerable.Range(0, table.NationalityCodes.Count).Select(n => table.NationalityCodes.Code(n) == IncidentFact.UnknownNationality ? NationalityCoarse[2] : table.NationalityCodes.Code(n))],
            Violations = [.. Enumerable.Range(0, table.ViolationCodes.Count).Select(table.ViolationCodes.Code)],
        };
        for (var p = 0; p < codes.Perpetrators.Length; p++)
        {
            codes.StateMask |= StateActors.Contains(codes.Perpetrators[p]) ? 1u << p : 0;
        }

        codes.Kz = Array.IndexOf(codes.Nationalities, "KZ");
        codes.Unknown = Array.IndexOf(codes.Nationalities, NationalityCoarse[2]);
        var list = new List<Quasi>();
        foreach (ref readonly var row in rows)
        {
            if (!row.Live || row.Month < from || row.Month > to)
            {
                continue;
            }

            var nat = 0UL;
            foreach (var n in row.Nationalities)
            {
                nat |= n is >= 0 and < 64 ? 1UL << n : 1UL << 63;
            }

            list.Add(new Quasi
            {
                Month = row.Month,
                Region = row.City >= 0 ? cityRegion[row.City] : regionBook.Id(Regions.Other),
                Perpetrators = row.Perpetrators,
                Nationalities = nat,
                People = (byte)Math.Min(2, row.Nationalities.Length - 1),
                Days = (byte)(row.DaysDetained <= 0 ? 0 : 1 + Figures.Bucket(row.DaysDetained, Figures.DaysBounds)),
                Documents = (byte)(!row.DocumentsTaken ? 0 : row.DocumentsReturned switch { 1 => 1, 2 => 2, _ => 3 }),
                Money = (byte)(row.Currency >= 0 ? 1 : 0),
                Delay = (byte)Figures.Bucket(row.DelayDays, Figures.DelayBounds),
                NoComplaint = (byte)(row.NoComplaint ? 1 : 0),
                Violations = row.Violations,
            });
        }

        var partBook = new Codebook();
        codes.Regions = [.. Enumerable.Range(0, regionBook.Count).Select(regionBook.Code)];
        codes.RegionPart = [.. codes.Regions.Select(r => partBook.Id(Regions.PartOf(r)))];
        codes.Parts = [.. Enumerable.Range(0, partBook.Count).Select(partBook.Code)];
        return ([.. list], codes);
    }

    /// <summary>
    /// Greedy generalisation: raise, one level at a time, the column whose step leaves fewest records out (on a
    /// tie, the one that merges most groups, then the least needed column).
    /// </summary>
    private Dictionary<Key, Stats> Generalise(Dictionary<Key, Stats> current, out int failing)
    {
        var limit = (int)Math.Floor(records.Length * Request.MaxSuppressedShare);
        failing = Failing(current);
        while (failing > limit)
        {
            (DatasetField Field, Dictionary<Key, Stats> Groups, int Failing)? best = null;
            foreach (var field in RaiseOrder)
            {
                if (levels[(int)field] >= Top(field))
                {
                    continue;
                }

                var raised = Group(current.Select(g => (Raise(g.Key, field, levels[(int)field]), g.Value)));
                var f = Failing(raised);
                if (best is null || f < best.Value.Failing || (f == best.Value.Failing && raised.Count < best.Value.Groups.Count))
                {
                    best = (field, raised, f);
                }
            }

            if (best is not { } step)
            {
                break; // every column withheld: what still fails is left out
            }

            levels[(int)step.Field]++;
            (current, failing) = (step.Groups, step.Failing);
        }

        return current;
    }

    private int Failing(Dictionary<Key, Stats> all) => all.Values.Where(g => !Passes(g)).Sum(g => g.Count);

    private bool Passes(Stats group) => group.Count > Request.K && (int)UInt128.PopCount(group.Union) >= Request.L;

    private static Dictionary<Key, Stats> Group(IEnumerable<(Key Key, Stats Stats)> items)
    {
        var result = new Dictionary<Key, Stats>();
        foreach (var (key, stats) in items)
        {
            result[key] = result.TryGetValue(key, out var had) ? had.Merge(stats) : stats;
        }

        return result;
    }

    private static (Key Key, Stats Stats) Level0(Quasi q) =>
        (new Key(q.Month, q.Region, q.Perpetrators, q.Nationalities, Pack(q)), new Stats(1, q.Violations, q.Violations));

    private static int Pack(Quasi q) => q.People | (q.Days << 4) | (q.Documents << 8) | (q.Money << 12) | (q.Delay << 16) | (q.NoComplaint << 20);

    private static int Slot(DatasetField field) => ((int)field - (int)DatasetField.People) * 4;

    /// <summary>The key of a level-0 record at the chosen levels.</summary>
    private Key At(Quasi record)
    {
        var key = Level0(record).Key;
        foreach (var field in Enum.GetValues<DatasetField>())
        {
            for (var level = 0; level < levels[(int)field]; level++)
            {
                key = Raise(key, field, level);
            }
        }

        return key;
    }

    /// <summary>A key with one column raised from <paramref name="level"/> to the next.</summary>
    private Key Raise(Key key, DatasetField field, int level)
    {
        switch (field)
        {
            case DatasetField.Period:
                return key with { Period = level switch { 0 => key.Period / 3, 1 => key.Period / 4, _ => 0 } };
            case DatasetField.Region:
                return key with { Region = level switch { 0 => codes.RegionPart[key.Region], 1 => codes.Parts[key.Region] == Regions.Abroad ? 1 : 0, _ => 0 } };
            case DatasetField.Perpetrators:
                return key with
                {
                    Perpetrators = level == 0
                        ? (((uint)key.Perpetrators & codes.StateMask) != 0 ? 1u : 0u) | (((uint)key.Perpetrators & ~codes.StateMask) != 0 ? 2u : 0u)
                        : 0,
                };
            case DatasetField.Nationalities:
                if (level > 0)
                {
                    return key with { Nationalities = 0 };
                }

                var coarse = 0UL;
                for (var n = key.Nationalities; n != 0; n &= n - 1)
                {
                    var id = BitOperations.TrailingZeroCount(n);
                    coarse |= id == codes.Kz ? 1UL : id == codes.Unknown ? 4UL : 2UL;
                }

                return key with { Nationalities = coarse };
            default:
                var slot = Slot(field);
                var value = (key.Small >> slot) & 0xF;
                var up = level > 0 ? 0 : field switch
                {
                    DatasetField.People => Math.Min(value, 1),
                    DatasetField.DaysDetained => value == 0 ? 0 : value <= 3 ? 1 : 2,
                    DatasetField.Documents => Math.Min(value, 1),
                    DatasetField.ReportingDelay => value <= 1 ? 0 : 1,
                    _ => 0,
                };
                return key with { Small = (key.Small & ~(0xF << slot)) | (up << slot) };
        }
    }

    private string Text(DatasetField field, Key key)
    {
        var level = levels[(int)field];
        if (level == Top(field))
        {
            return Withheld;
        }

        switch (field)
        {
            case DatasetField.Period:
                var month = StatMonths.FirstDay(level switch { 0 => key.Period, 1 => key.Period * 3, _ => key.Period * 12 });
                return level switch
                {
                    0 => month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    1 => string.Create(CultureInfo.InvariantCulture, $"{month.Year}-Q{((month.Month - 1) / 3) + 1}"),
                    _ => month.Year.ToString(CultureInfo.InvariantCulture),
                };
            case DatasetField.Region:
                return level switch { 0 => codes.Regions[key.Region], 1 => codes.Parts[key.Region], _ => key.Region == 1 ? Regions.Abroad : Regions.Kazakhstan };
            case DatasetField.Perpetrators:
                return level == 0 ? string.Join(';', Codes(key.Perpetrators, codes.Perpetrators)) : string.Join(';', Codes(key.Perpetrators, StateValues));
            case DatasetField.Nationalities:
                return level == 0 ? string.Join(';', Codes(key.Nationalities, codes.Nationalities)) : string.Join(';', Codes(key.Nationalities, NationalityCoarse));
            default:
                var value = (key.Small >> Slot(field)) & 0xF;
                var names = (field, level) switch
                {
                    (DatasetField.People, 0) => PeopleValues,
                    (DatasetField.People, _) => PeopleCoarse,
                    (DatasetField.DaysDetained, 0) => DaysValues,
                    (DatasetField.DaysDetained, _) => DaysCoarse,
                    (DatasetField.Documents, 0) => DocumentValues,
                    (DatasetField.Documents, _) => DocumentCoarse,
                    (DatasetField.ReportingDelay, 0) => DelayValues,
                    (DatasetField.ReportingDelay, _) => DelayCoarse,
                    _ => YesNo,
                };
                return names[value];
        }
    }

    private static List<string> Codes(UInt128 mask, string[] names)
    {
        var list = new List<string>();
        for (var m = mask; m != UInt128.Zero; m &= m - UInt128.One)
        {
            var id = (int)UInt128.TrailingZeroCount(m);
            list.Add(id < names.Length ? names[id] : "OTHER");
        }

        list.Sort(StringComparer.Ordinal);
        return list;
    }

    private static List<string> Codes(ulong mask, string[] names) => Codes((UInt128)mask, names);

    private static int Compare((Key Key, int Index) a, (Key Key, int Index) b)
    {
        var c = a.Key.Period.CompareTo(b.Key.Period);
        c = c != 0 ? c : a.Key.Region.CompareTo(b.Key.Region);
        c = c != 0 ? c : a.Key.Perpetrators.CompareTo(b.Key.Perpetrators);
        c = c != 0 ? c : a.Key.Nationalities.CompareTo(b.Key.Nationalities);
        c = c != 0 ? c : a.Key.Small.CompareTo(b.Key.Small);
        return c != 0 ? c : a.Index.CompareTo(b.Index);
    }

    private struct Quasi
    {
        public int Month;
        public int Region;
        public uint Perpetrators;
        public ulong Nationalities;
        public byte People;
        public byte Days;
        public byte Documents;
        public byte Money;
        public byte Delay;
        public byte NoComplaint;
        public UInt128 Violations;
    }

    private readonly record struct Key(int Period, int Region, ulong Perpetrators, ulong Nationalities, int Small);

    /// <summary>A group's size, the codes any of its records hold, and the codes all of them hold.</summary>
    private readonly record struct Stats(int Count, UInt128 Union, UInt128 Common)
    {
        public Stats Merge(Stats other) => new(Count + other.Count, Union | other.Union, Common & other.Common);
    }

    private sealed class CodeLists
    {
        public string[] Regions { get; set; } = [];

        public string[] Parts { get; set; } = [];

        public int[] RegionPart { get; set; } = [];

        public string[] Perpetrators { get; init; } = [];

        public string[] Nationalities { get; init; } = [];

        public string[] Violations { get; init; } = [];

        public uint StateMask { get; set; }

        public int Kz { get; set; } = -1;

        public int Unknown { get; set; } = -1;
    }
}
