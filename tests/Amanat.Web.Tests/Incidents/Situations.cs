namespace Amanat.Web.Tests.Incidents;

/// <summary>
/// The situations of <c>docs/situations.md</c> as the incident form would post them, re-told
/// with invented details. Each is a list of form fields (checkbox lists repeat their name).
/// </summary>
public static class Situations
{
    /// <summary>Posts the new-incident form and returns the id of the recorded incident.</summary>
    public static async Task<Guid> RecordAsync(Support.StaffClient staff, List<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(staff);
        using var response = await staff.PostFieldsAsync("/staff/incidents/new", fields);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        return Guid.Parse(location["/staff/incidents/".Length..location.IndexOf('?', StringComparison.Ordinal)]);
    }

    /// <summary>1. Detention "for a document check": six days, documents taken and returned, rape, beating, no food; no complaint.</summary>
    public static List<KeyValuePair<string, string>> DocumentCheck(DateOnly occurredOn, string workingName = "Гульнара") =>
    [
        new("Input.OccurredOn", occurredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        new("Input.DurationDays", "6"),
        new("Input.CityCode", "TAL"),
        new("Input.PlaceCode", "STATION"),
        new("Input.PlaceNote", "Отдел у вокзала, второй этаж"),
        new("Input.People[0].WorkingName", workingName),
        new("Input.People[0].Consents[SERVICES]", "Yes"),
        new("Input.People[0].Consents[STATS]", "Yes"),
        new("Input.People[0].Consents[ALERT]", "NotAsked"),
        new("Input.People[0].Consents[AUTHORITIES]", "No"),
        new("Input.UnnamedPeople", "3"),
        new("Input.Violations", "ST-DET"),
        new("Input.Violations", "ST-DOC"),
        new("Input.Violations", "ST-RAP"),
        new("Input.Violations", "ST-PHY"),
        new("Input.Violations", "ST-NEG"),
        new("Input.Perpetrators[0].CategoryCode", "POL"),
        new("Input.Perpetrators[0].InvolvementCode", "DIR"),
        new("Input.Perpetrators[0].Description", "Трое в форме, один называл себя старшим"),
        new("Input.DaysDetained", "6"),
        new("Input.DocumentsTaken", "true"),
        new("Input.DocumentsReturned", "true"),
        new("Input.ComplaintCode", "NONE"),
        new("Input.SourceCode", "SELF"),
        new("Input.ReliabilityCode", "FIRST"),
        new("Input.Status", "NeedsFollowUp"),
        new("Input.Narrative", "Забрали паспорта «для проверки», держали шесть дней, не кормили."),
    ];

    /// <summary>3. Women without documents working for food, controlled by a pimp.</summary>
    public static List<KeyValuePair<string, string>> WorkingForFood(DateOnly occurredOn) =>
    [
        new("Input.OccurredOn", occurredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        new("Input.CityCode", "ALA"),
        new("Input.PlaceCode", "FLAT"),
        new("Input.UnnamedPeople", "4"),
        new("Input.Violations", "TP-FRC"),
        new("Input.Violations", "TP-WAG"),
        new("Input.Violations", "TP-DOC"),
        new("Input.Perpetrators[0].CategoryCode", "PIM"),
        new("Input.Perpetrators[0].Count", "2"),
        new("Input.Perpetrators[0].Name", "Марат по кличке Бек"),
        new("Input.Perpetrators[0].Phones", "+7 701 555 12 34"),
        new("Input.DocumentsTaken", "true"),
        new("Input.DocumentsReturned", "false"),
        new("Input.ComplaintCode", "UNDECIDED"),
        new("Input.SourceCode", "OUTREACH"),
        new("Input.ReliabilityCode", "SECOND"),
        new("Input.Status", "Open"),
    ];

    /// <summary>4. Leaving a pimp: stabbed, forced to work for nothing; police arrested him on other charges.</summary>
    public static List<KeyValuePair<string, string>> LeavingAPimp(DateOnly occurredOn) =>
    [
        new("Input.OccurredOn", occurredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        new("Input.CityCode", "SHY"),
        new("Input.People[0].WorkingName", "Дина"),
        new("Input.People[0].Consents[STATS]", "Yes"),
        new("Input.People[1].WorkingName", "Алия"),
        new("Input.People[1].Consents[STATS]", "Yes"),
        new("Input.Violations", "TP-VIO"),
        new("Input.Violations", "TP-FRC"),
        new("Input.Violations", "TP-WAG"),
        new("Input.Perpetrators[0].CategoryCode", "PIM"),
        new("Input.Perpetrators[0].InvolvementCode", "DIR"),
        new("Input.Injuries", "Ножевые ранения у обеих"),
        new("Input.ComplaintCode", "POLICE"),
        new("Input.OutcomeCode", "OTHER-CHARGES"),
        new("Input.SourceCode", "SELF"),
        new("Input.Status", "Closed"),
    ];

    /// <summary>6. A raid: seven women deported; one allowed to stay on condition of sex every Saturday (ongoing).</summary>
    public static List<KeyValuePair<string, string>> Raid(DateOnly occurredOn) =>
    [
        new("Input.OccurredOn", occurredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        new("Input.CityCode", "AST"),
        new("Input.PlaceCode", "SAUNA"),
        new("Input.People[0].WorkingName", "Лола"),
        new("Input.People[0].Consents[ALERT]", "Yes"),
        new("Input.UnnamedPeople", "7"),
        new("Input.Violations", "ST-SXC"),
        new("Input.Violations", "ST-DEP"),
        new("Input.Perpetrators[0].CategoryCode", "POL"),
        new("Input.Perpetrators[0].Rank", "капитан"),
        new("Input.Perpetrators[0].Badge", "KZ 0417"),
        new("Input.Perpetrators[0].Plate", "123 ABC 01"),
        new("Input.Perpetrators[1].CategoryCode", "MIG"),
        new("Input.Perpetrators[1].Count", "3"),
        new("Input.Perpetrators[1].InvolvementCode", "ACC"),
        new("Input.MoneyExtorted", "50000"),
        new("Input.Currency", "KZT"),
        new("Input.SourceCode", "SELF"),
        new("Input.Status", "NeedsFollowUp"),
        new("Input.Narrative", "Каждую субботу требует встречи, иначе грозит депортацией."),
    ];
}
