using Amanat.Core.Identifiers;
using Amanat.Core.SelfReports;

namespace Amanat.Core.Alerts;

/// <summary>An alert as the coordinator wrote it, before the rules.</summary>
public sealed record AlertDraft
{
    public string? CategoryCode { get; init; }

    public IReadOnlyList<string> Codes { get; init; } = [];

    public string? CityCode { get; init; }

    public int? Year { get; init; }

    public int? Month { get; init; }

    public IReadOnlyDictionary<string, string> Descriptions { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Phones { get; init; } = [];

    public IReadOnlyList<string> Plates { get; init; } = [];

    public DateOnly? ExpiresOn { get; init; }

    /// <summary>
    /// The alert says when he was last reported: a month (or year) earlier than the latest incident behind it
    /// is moved up to that incident's month (or year), so linking a newer report never leaves an older date on
    /// the check and the feed. A later date than the reports, typed on purpose, stays.
    /// </summary>
    public AlertDraft LastReportedBy(DateOnly? latestIncident)
    {
        if (latestIncident is not { } latest || Year is not { } year)
        {
            return this;
        }

        if (Month is { } month)
        {
            return (year, month).CompareTo((latest.Year, latest.Month)) < 0 ? this with { Year = latest.Year, Month = latest.Month } : this;
        }

        return year < latest.Year ? this with { Year = latest.Year } : this;
    }
}

/// <summary>
/// What an alert must be: drawn from at least one incident with ALERT consent, a known category, city and
/// alert codes, a month no later than this one, a description in a known language, identifiers that are
/// phone numbers and plates, and an expiry within two years.
/// </summary>
public static class AlertRules
{
    public static readonly IReadOnlyList<string> Languages = ["ru", "kk", "uz", "en"];

    public static IReadOnlyList<SelfReportProblem> Check(AlertDraft draft, int consentingIncidents, int refusedIncidents, Func<string, string, bool> isKnown, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(isKnown);
        var problems = new List<SelfReportProblem>();
        if (consentingIncidents == 0 || refusedIncidents > 0)
        {
            problems.Add(new("Incidents", "Alert.Error.Consent"));
        }

        if (draft.CategoryCode is null || !isKnown("perpetrator", draft.CategoryCode))
        {
            problems.Add(new(nameof(draft.CategoryCode), "Alert.Error.Category"));
        }

        if (draft.Codes.Count == 0 || draft.Codes.Any(c => !AlertCodes.All.Contains(c)))
        {
            problems.Add(new(nameof(draft.Codes), "Alert.Error.Codes"));
        }

        if (draft.CityCode is null || !isKnown("city", draft.CityCode))
        {
            problems.Add(new(nameof(draft.CityCode), "Alert.Error.City"));
        }

        if (draft.Year is not { } year || year < today.Year - 5 || draft.Month is < 1 or > 12
            || year > today.Year || (year == today.Year && draft.Month > today.Month))
        {
            problems.Add(new(nameof(draft.Year), "Alert.Error.When"));
        }

        var descriptions = draft.Descriptions.Where(d => !string.IsNullOrWhiteSpace(d.Value)).ToList();
        if (descriptions.Count == 0 || descriptions.Any(d => !Languages.Contains(d.Key)))
        {
            problems.Add(new("Descriptions", "Alert.Error.Description"));
        }

        if (descriptions.Any(d => d.Value.Length > Alert.MaxDescriptionLength))
        {
            problems.Add(new("Descriptions", "Alert.Error.TooLong"));
        }

        var phone = new PhoneNormaliser();
        if (draft.Phones.Count > Alert.MaxIdentifiers || draft.Phones.Any(p => phone.Normalise(p) is not { } n || n.StartsWith('?')))
        {
            problems.Add(new(nameof(draft.Phones), "Alert.Error.Phone"));
        }

        var plate = new PlateNormaliser();
        if (draft.Plates.Count > Alert.MaxIdentifiers || draft.Plates.Any(p => p.Length > 20 || plate.Normalise(p) is null))
        {
            problems.Add(new(nameof(draft.Plates), "Alert.Error.Plate"));
        }

        if (draft.ExpiresOn is not { } expires || expires < today || expires > today.AddMonths(Alert.MaxMonths))
        {
            problems.Add(new(nameof(draft.ExpiresOn), "Alert.Error.Expiry"));
        }

        return problems;
    }
}
