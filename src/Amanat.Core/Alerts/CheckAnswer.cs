namespace Amanat.Core.Alerts;

/// <summary>A live alert that carries the identifier that was checked.</summary>
public sealed record AlertMatch(Guid AlertId, IReadOnlyList<string> Codes, string CityCode, int Year, int? Month, DateTime PublishedAtUtc, IReadOnlyList<Guid> Incidents);

/// <summary>
/// What the number check says: nothing found, or the alert codes with how many reports stand behind each
/// — and the latest city and month only when at least two reports stand behind that city and month, so a
/// lone report never points at a place and time. Never a story, never anything about who reported.
/// </summary>
public sealed record CheckAnswer(IReadOnlyList<(string Code, int Reports)> Codes, int Reports, string? CityCode, int? Year, int? Month)
{
    public const int MinReportsForPlace = 2;

    public static CheckAnswer NoRecord { get; } = new([], 0, null, null, null);

    public bool Found => Reports > 0;

    public static CheckAnswer From(IReadOnlyList<AlertMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        if (matches.Count == 0)
        {
            return NoRecord;
        }

        var codes = AlertCodes.All
            .Select(code => (code, matches.Where(m => m.Codes.Contains(code)).SelectMany(m => m.Incidents).Distinct().Count()))
            .Where(c => c.Item2 > 0).ToList();
        var total = matches.SelectMany(m => m.Incidents).Distinct().Count();
        var latest = matches.OrderByDescending(m => m.PublishedAtUtc).First();
        var behindLatest = matches.Where(m => m.CityCode == latest.CityCode && m.Year == latest.Year && m.Month == latest.Month)
            .SelectMany(m => m.Incidents).Distinct().Count();
        return behindLatest >= MinReportsForPlace
            ? new CheckAnswer(codes, total, latest.CityCode, latest.Year, latest.Month)
            : new CheckAnswer(codes, total, null, null, null);
    }
}
