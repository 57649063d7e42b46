using System.Text.Json;
using System.Text.Json.Serialization;
using Amanat.Core.Members;

namespace Amanat.Core.SelfReports;

/// <summary>
/// What a person reports about herself, as she gave it on the public form, the API or the bot. It is
/// serialised and sealed to the self-report public key on arrival (<see cref="SelfReport"/>); nothing of
/// it is stored readable. Codes only where a choice was offered; every text is short and optional.
/// </summary>
public sealed record SelfReportContent
{
    /// <summary>The language she used (ru, kk, uz, en), so that the centre answers in it.</summary>
    public string Language { get; init; } = "ru";

    /// <summary>What happened: <see cref="SelfReportChoices.What"/> codes.</summary>
    public IReadOnlyList<string> What { get; init; } = [];

    public DateOnly? When { get; init; }

    public string? CityCode { get; init; }

    /// <summary>Who did it: a perpetrator category code (<see cref="SelfReportChoices.Who"/>).</summary>
    public string? Who { get; init; }

    public string? Phone { get; init; }

    public string? Plate { get; init; }

    /// <summary>A name or nickname she knows him by.</summary>
    public string? Name { get; init; }

    /// <summary>Rank, badge, unit or station.</summary>
    public string? Unit { get; init; }

    public string? Description { get; init; }

    /// <summary>In her own words, if she wants.</summary>
    public string? Story { get; init; }

    /// <summary>What she needs now: <see cref="SelfReportChoices.Needs"/> codes; empty or NOTHING for nothing.</summary>
    public IReadOnlyList<string> Needs { get; init; } = [];

    public ContactChannel? ContactChannel { get; init; }

    public string? Contact { get; init; }

    /// <summary>Consent scope code → her answer (true: yes).</summary>
    public IReadOnlyDictionary<string, bool> Consents { get; init; } = new Dictionary<string, bool>();

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static SelfReportContent FromBytes(byte[] bytes) =>
        JsonSerializer.Deserialize<SelfReportContent>(bytes, Json) ?? throw new JsonException("Empty self-report.");

    public bool Consented(string scope) => Consents.TryGetValue(scope, out var yes) && yes;
}

/// <summary>The choices the public form offers, as stable codes.</summary>
public static class SelfReportChoices
{
    public static readonly IReadOnlyList<string> What =
        ["DETAINED", "BEATEN", "SEXUAL", "MONEY", "DOCUMENTS", "THREATS", "CONDOM", "FILMED", "FORCED", "OTHER"];

    /// <summary>Perpetrator categories of the typology, in the order the form shows them.</summary>
    public static readonly IReadOnlyList<string> Who = ["POL", "MIG", "BRD", "OFF", "PIM", "EST", "CLI", "FAM", "HLT", "LND", "OTH", "UNK"];

    public const string NothingNeeded = "NOTHING";

    public static readonly IReadOnlyList<string> Needs = ["DOCTOR", "LAWYER", "SHELTER", "DOCUMENTS", "PSY", NothingNeeded];

    public static readonly IReadOnlyList<string> Scopes = ["SERVICES", "STATS", "ALERT", "LAWYER", "AUTHORITIES"];

    public static readonly IReadOnlyList<ContactChannel> Channels =
        [Members.ContactChannel.Phone, Members.ContactChannel.Telegram, Members.ContactChannel.WhatsApp, Members.ContactChannel.InPerson, Members.ContactChannel.NotToBeContacted];
}
