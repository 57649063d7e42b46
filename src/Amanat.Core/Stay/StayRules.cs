using System.Text.Json;
using System.Text.Json.Serialization;

namespace Amanat.Core.Stay;

/// <summary>A length of time in the rules' own words: years, months or days (null fields are zero).</summary>
public sealed record Period(int? Years = null, int? Months = null, int? Days = null)
{
    /// <summary>The date this period after <paramref name="from"/>.</summary>
    public DateOnly After(DateOnly from) => from.AddYears(Years ?? 0).AddMonths(Months ?? 0).AddDays(Days ?? 0);
}

/// <summary>
/// The stay rules for citizens of one country in the host country, as data: every value may be null, which
/// means "unknown" and is shown as such — never guessed. Each set carries its source, the date it was last
/// checked and its counting conventions, so that a lawyer can see what the tracker assumes and correct it.
/// </summary>
public sealed record StayRuleSet
{
    /// <summary>Citizenship the rules apply to (a code of the Nationality list: UZ, KG…).</summary>
    public required string Nationality { get; init; }

    /// <summary>Where she stays (KZ).</summary>
    public required string HostCountry { get; init; }

    public int Version { get; init; } = 1;

    public string? Source { get; init; }

    public DateOnly? LastChecked { get; init; }

    /// <summary>How days are counted, in words, as shown on the member page.</summary>
    public string? Conventions { get; init; }

    /// <summary>Days she may stay from the border crossing without registration or a permit (entry day = day 1).</summary>
    public int? DaysWithoutRegistration { get; init; }

    /// <summary>Days of stay allowed within any rolling window of <see cref="WindowDays"/>.</summary>
    public int? CapDays { get; init; }

    public int? WindowDays { get; init; }

    /// <summary>Working days after the day of arrival by which the host must notify the authorities.</summary>
    public int? HostNotificationWorkingDays { get; init; }

    /// <summary>Entry ban after a court-ordered expulsion.</summary>
    public Period? BanAfterExpulsion { get; init; }

    /// <summary>Entry ban after a "shortened stay" (a lighter measure).</summary>
    public Period? BanAfterShortenedStay { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>Working days of one year in the host country: public holidays and the Saturdays declared working days when a holiday is moved.</summary>
public sealed record WorkingYear
{
    public required int Year { get; init; }

    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];

    /// <summary>Saturdays (or Sundays) that are working days because a holiday was moved.</summary>
    public IReadOnlyList<DateOnly> WorkingWeekendDays { get; init; } = [];

    /// <summary>Whether the year's transfers were checked against the government's decree; if not, results say so.</summary>
    public bool Confirmed { get; init; }

    public string? Source { get; init; }
}

/// <summary>The rule sets and working calendars, as shipped in <c>stay-rules.json</c> and edited by administrators.</summary>
public sealed record StayRuleBook
{
    public IReadOnlyList<StayRuleSet> RuleSets { get; init; } = [];

    public IReadOnlyList<WorkingYear> Calendar { get; init; } = [];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public StayRuleSet? For(string? nationality) => RuleSets.FirstOrDefault(r => string.Equals(r.Nationality, nationality, StringComparison.OrdinalIgnoreCase));

    public WorkingCalendar WorkingDays => new(Calendar);

    public static StayRuleBook Parse(string json) =>
        JsonSerializer.Deserialize<StayRuleBook>(json, Json) ?? throw new JsonException("The stay rules file is empty.");

    /// <summary>The rule book shipped with Amanat (sources and confidence in <c>docs/stay-rules.md</c>).</summary>
    public static StayRuleBook Shipped()
    {
        using var stream = typeof(StayRuleBook).Assembly.GetManifestResourceStream("Amanat.Core.Stay.stay-rules.json")
            ?? throw new InvalidOperationException("stay-rules.json is not embedded.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}

/// <summary>One saved version of the whole rule book, as administrators and coordinators edited it; never changed afterwards.</summary>
public sealed class StayRuleVersion : Common.Entity
{
    private StayRuleVersion()
    {
    }

    public StayRuleVersion(int version, StayRuleBook book, Guid changedById, string? changedNationality, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(book);
        Version = version;
        Json = JsonSerializer.Serialize(book, StayRuleBook.Json);
        ChangedById = changedById;
        Changed = changedNationality;
        ChangedAtUtc = Common.UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public int Version { get; private set; }

    public string Json { get; private set; } = string.Empty;

    /// <summary>What changed: a nationality's rule set, or a calendar year ("calendar 2027").</summary>
    public string? Changed { get; private set; }

    public Guid ChangedById { get; private set; }

    public DateTime ChangedAtUtc { get; private set; }

    public StayRuleBook Book => StayRuleBook.Parse(Json);
}
