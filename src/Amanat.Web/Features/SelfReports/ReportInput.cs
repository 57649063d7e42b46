using Amanat.Core.Members;
using Amanat.Core.SelfReports;

namespace Amanat.Web.Features.SelfReports;

/// <summary>The public report form as posted: kept as typed, so that a refused form comes back filled in.</summary>
internal sealed class ReportInput
{
    public List<string> What { get; set; } = [];

    public DateOnly? When { get; set; }

    public string? CityCode { get; set; }

    public string? Who { get; set; }

    public string? Phone { get; set; }

    public string? Plate { get; set; }

    public string? Name { get; set; }

    public string? Unit { get; set; }

    public string? Description { get; set; }

    public string? Story { get; set; }

    public List<string> Needs { get; set; } = [];

    public ContactChannel? ContactChannel { get; set; }

    public string? Contact { get; set; }

    /// <summary>The consent scopes she ticked.</summary>
    public List<string> Consents { get; set; } = [];

    /// <summary>A field people never see and bots fill in.</summary>
    public string? Website { get; set; }

    public SelfReportContent ToContent(string language) => new()
    {
        Language = language,
        What = [.. What.Where(w => !string.IsNullOrWhiteSpace(w)).Distinct(StringComparer.Ordinal)],
        When = When,
        CityCode = Text(CityCode),
        Who = Text(Who),
        Phone = Text(Phone),
        Plate = Text(Plate),
        Name = Text(Name),
        Unit = Text(Unit),
        Description = Text(Description),
        Story = Text(Story),
        Needs = [.. Needs.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal)],
        ContactChannel = ContactChannel,
        Contact = Text(Contact),
        // Every scope gets an answer; a scope the form never offered stays in, so that the rules refuse it.
        Consents = SelfReportChoices.Scopes.Union(Consents.Where(c => !string.IsNullOrWhiteSpace(c)), StringComparer.Ordinal).ToDictionary(s => s, Consents.Contains, StringComparer.Ordinal),
    };

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
