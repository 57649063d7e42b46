namespace Amanat.Core.Statistics;

/// <summary>
/// Where an incident happened, coarser than its city, for the anonymised dataset: the region (oblast, or
/// one of the three cities of republican significance), then a part of the country, then the country.
/// The seeded cities are the regions' centres; a city added later, or "elsewhere in Kazakhstan", falls in
/// <see cref="Other"/>; a neighbouring country stays itself and is "abroad" above that.
/// </summary>
public static class Regions
{
    public const string Other = "KZ-OTHER";
    public const string Abroad = "ABROAD";
    public const string Kazakhstan = "KZ";

    /// <summary>Region code → part of the country.</summary>
    public static readonly IReadOnlyDictionary<string, string> Parts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["KZ-ALA"] = "KZ-SOUTH", ["KZ-SHY"] = "KZ-SOUTH", ["KZ-ALM"] = "KZ-SOUTH", ["KZ-ZHT"] = "KZ-SOUTH", ["KZ-ZHA"] = "KZ-SOUTH",
        ["KZ-TUR"] = "KZ-SOUTH", ["KZ-KZY"] = "KZ-SOUTH",
        ["KZ-AST"] = "KZ-NORTH", ["KZ-AKM"] = "KZ-NORTH", ["KZ-SEV"] = "KZ-NORTH", ["KZ-KUS"] = "KZ-NORTH", ["KZ-PAV"] = "KZ-NORTH",
        ["KZ-KAR"] = "KZ-CENTRE", ["KZ-ULT"] = "KZ-CENTRE",
        ["KZ-AKT"] = "KZ-WEST", ["KZ-ATY"] = "KZ-WEST", ["KZ-MAN"] = "KZ-WEST", ["KZ-ZAP"] = "KZ-WEST",
        ["KZ-VOS"] = "KZ-EAST", ["KZ-ABA"] = "KZ-EAST",
        [Other] = Other,
    };

    /// <summary>The parts of the country, in the order of a data dictionary.</summary>
    public static readonly IReadOnlyList<string> PartCodes = ["KZ-SOUTH", "KZ-NORTH", "KZ-CENTRE", "KZ-WEST", "KZ-EAST", Other, Abroad];

    private static readonly Dictionary<string, string> CityRegion = new(StringComparer.Ordinal)
    {
        ["ALA"] = "KZ-ALA", ["AST"] = "KZ-AST", ["SHY"] = "KZ-SHY", ["TAL"] = "KZ-ZHT", ["KAR"] = "KZ-KAR", ["AKT"] = "KZ-AKT",
        ["ATY"] = "KZ-ATY", ["AKU"] = "KZ-MAN", ["ORA"] = "KZ-ZAP", ["OSK"] = "KZ-VOS", ["PAV"] = "KZ-PAV", ["SEM"] = "KZ-ABA",
        ["KOS"] = "KZ-KUS", ["KZO"] = "KZ-KZY", ["TAR"] = "KZ-ZHA", ["TUR"] = "KZ-TUR", ["PET"] = "KZ-SEV", ["KOK"] = "KZ-AKM",
        ["ZHE"] = "KZ-ULT", ["KON"] = "KZ-ALM",
    };

    /// <summary>The neighbouring countries in the city list: an event abroad keeps the country as its region.</summary>
    public static readonly IReadOnlySet<string> Countries = new HashSet<string>(StringComparer.Ordinal) { "UZ", "KG", "TJ", "RU", "TM" };

    /// <summary>The region of a city code.</summary>
    public static string Of(string cityCode) =>
        Countries.Contains(cityCode) ? cityCode : CityRegion.GetValueOrDefault(cityCode) ?? Other;

    /// <summary>The part of the country a region lies in (a country abroad: <see cref="Abroad"/>).</summary>
    public static string PartOf(string region) => Parts.GetValueOrDefault(region) ?? Abroad;

    /// <summary>Kazakhstan or abroad.</summary>
    public static string CountryOf(string part) => part == Abroad ? Abroad : Kazakhstan;
}
