namespace Amanat.Core.SelfReports;

/// <summary>
/// How the plain-words choices of a self-report suggest the typology's violation codes, given who did it
/// (<c>docs/typology.md</c>). Only a suggestion for the coordinator, who edits the incident.
/// </summary>
public static class SelfReportMapping
{
    private enum Group
    {
        Official,
        ThirdParty,
        Client,
        Family,
        Other,
    }

    public static IReadOnlyList<string> Violations(IEnumerable<string> what, string? who)
    {
        ArgumentNullException.ThrowIfNull(what);
        var group = who switch
        {
            "POL" or "MIG" or "BRD" or "OFF" => Group.Official,
            "PIM" or "EST" => Group.ThirdParty,
            "CLI" => Group.Client,
            "FAM" => Group.Family,
            _ => Group.Other,
        };
        return [.. what.Select(w => Violation(w, group, who)).Distinct(StringComparer.Ordinal)];
    }

    private static string Violation(string what, Group group, string? who) => (what, group) switch
    {
        ("DETAINED", Group.Official) => "ST-DET",
        ("DETAINED", Group.ThirdParty) => "TP-FRC",
        ("BEATEN", Group.Official) => "ST-PHY",
        ("BEATEN", Group.ThirdParty) => "TP-VIO",
        ("BEATEN", Group.Client) => "CL-PHY",
        ("BEATEN", Group.Family) => "IP-VIO",
        ("SEXUAL", Group.Official) => "ST-RAP",
        ("SEXUAL", Group.Client) => "CL-SEX",
        ("SEXUAL", Group.ThirdParty) => "TP-VIO",
        ("SEXUAL", Group.Family) => "IP-VIO",
        ("MONEY", Group.Official) => who == "BRD" ? "ST-BRD" : "ST-EXT",
        ("MONEY", Group.Client) => "CL-ROB",
        ("MONEY", Group.ThirdParty) => "TP-WAG",
        ("MONEY", _) when who == "LND" => "LL-EVI",
        ("DOCUMENTS", Group.Official) => "ST-DOC",
        ("DOCUMENTS", Group.ThirdParty) => "TP-DOC",
        ("THREATS", Group.Official) => "ST-THR",
        ("THREATS", Group.ThirdParty) => "TP-THR",
        ("THREATS", Group.Client) => "CL-STK",
        ("THREATS", Group.Family) => "IP-VIO",
        ("CONDOM", Group.Client) => "CL-CND",
        ("CONDOM", Group.Official) => "ST-CND",
        ("FILMED", Group.Official) => "ST-OUT",
        ("FILMED", Group.Client) => "CL-HUM",
        ("FORCED", Group.ThirdParty) => "TP-FRC",
        _ => "OT-OTH",
    };
}
