using System.Globalization;
using System.Text.Json;
using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Alerts;

public enum AlertStatus
{
    Draft = 0,
    Approved = 1,
    Published = 2,
    Withdrawn = 3,
}

/// <summary>The community alert codes of the typology (bad-date list practice), shown with counts.</summary>
public static class AlertCodes
{
    public static readonly IReadOnlyList<string> All = ["VI", "SX", "RB", "NC", "HM", "ST", "PO", "EX", "RC", "OT"];

    /// <summary>The alert codes an incident's violation codes suggest.</summary>
    public static IReadOnlyList<string> Suggest(IEnumerable<string> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var violation in violations)
        {
            foreach (var code in For(violation))
            {
                codes.Add(code);
            }
        }

        return [.. All.Where(codes.Contains)];
    }

    private static string[] For(string violation) => violation switch
    {
        "ST-RAP" or "ST-SXC" => ["PO", "SX"],
        "ST-PHY" => ["PO", "VI"],
        "ST-EXT" or "ST-BRD" => ["PO", "EX"],
        _ when violation.StartsWith("ST-", StringComparison.Ordinal) => ["PO"],
        "TP-VIO" => ["RC", "VI"],
        "TP-THR" => ["RC", "ST"],
        _ when violation.StartsWith("TP-", StringComparison.Ordinal) => ["RC"],
        "CL-PHY" or "CL-GRP" or "IP-VIO" => ["VI"],
        "CL-SEX" => ["SX"],
        "CL-ROB" => ["RB"],
        "CL-CND" => ["NC"],
        "CL-HUM" => ["HM"],
        "CL-STK" => ["ST"],
        "LL-EVI" => ["EX"],
        _ => ["OT"],
    };
}

/// <summary>
/// A warning to the community about a dangerous client, pimp or police unit, written by a coordinator
/// from incidents whose reporter agreed to ALERT. It says what (alert codes), who (category), where (city)
/// and when (a month, or only a year) and gives a public description in one or more languages, with the
/// phone numbers and plates the reporters agreed to publish — never anything about her. Draft → approved
/// (by a second coordinator where there are two) → published → withdrawn, or expired by its date.
/// Descriptions and identifiers are encrypted under the alert's own key until and after publication.
/// </summary>
public sealed class Alert : Entity, IEncryptedRecord
{
    public const int MaxDescriptionLength = 1_000;
    public const int MaxIdentifiers = 10;
    public const int MaxMonths = 24;

    private Alert()
    {
    }

    public Alert(Guid createdById, DateTime nowUtc)
    {
        CreatedById = createdById;
        CreatedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public AlertStatus Status { get; private set; }

    public string CategoryCode { get; private set; } = string.Empty;

    /// <summary>Alert codes separated by spaces, in the order of <see cref="AlertCodes.All"/>.</summary>
    public string Codes { get; private set; } = string.Empty;

    public string CityCode { get; private set; } = string.Empty;

    public int Year { get; private set; }

    /// <summary>The month, or null when only the year is said (coarser, safer for a lone report).</summary>
    public int? Month { get; private set; }

    /// <summary>Descriptions by language code, as JSON; encrypted.</summary>
    public string? Descriptions { get; private set; }

    /// <summary>Phone numbers as published, one per line; encrypted.</summary>
    public string? Phones { get; private set; }

    /// <summary>Plates as published, one per line; encrypted.</summary>
    public string? Plates { get; private set; }

    public DateOnly ExpiresOn { get; private set; }

    /// <summary>How many incidents stand behind it.</summary>
    public int Reports { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public Guid? ApprovedById { get; private set; }

    public DateTime? ApprovedAtUtc { get; private set; }

    public DateTime? PublishedAtUtc { get; private set; }

    public DateTime? WithdrawnAtUtc { get; private set; }

    /// <summary>When the bot pushed it to the chats subscribed to its city (once).</summary>
    public DateTime? PushedAtUtc { get; private set; }

    /// <summary>Still to be pushed: published, live, never pushed.</summary>
    public bool IsDueForPush(DateOnly today) => IsLive(today) && PushedAtUtc is null;

    public void Pushed(DateTime nowUtc) => PushedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));

    public List<AlertIncident> Incidents { get; private set; } = [];

    public List<AlertIdentifier> Identifiers { get; private set; } = [];

    public Guid KeyOwnerId => Id;

    public IReadOnlyList<string> CodeList => Codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> PhoneList => Lines(Phones);

    public IReadOnlyList<string> PlateList => Lines(Plates);

    public IReadOnlyDictionary<string, string> DescriptionsByLanguage =>
        Descriptions is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(Descriptions) ?? [];

    public bool IsLive(DateOnly today) => Status == AlertStatus.Published && today <= ExpiresOn;

    public bool IsExpired(DateOnly today) => Status == AlertStatus.Published && today > ExpiresOn;

    public string When => Month is { } month ? $"{Year:D4}-{month:D2}" : Year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Writes the draft's content (only while a draft); identifiers are rebuilt by the caller.</summary>
    public void Apply(AlertDraft draft, IReadOnlyList<Guid> incidentIds)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(incidentIds);
        if (Status != AlertStatus.Draft)
        {
            throw new DomainException("Alert.Error.NotDraft");
        }

        CategoryCode = draft.CategoryCode!;
        Codes = string.Join(' ', AlertCodes.All.Where(draft.Codes.Contains));
        CityCode = draft.CityCode!;
        Year = draft.Year!.Value;
        Month = draft.Month;
        Descriptions = JsonSerializer.Serialize(draft.Descriptions.Where(d => !string.IsNullOrWhiteSpace(d.Value)).ToDictionary(d => d.Key, d => d.Value.Trim()));
        Phones = Join(draft.Phones);
        Plates = Join(draft.Plates);
        ExpiresOn = draft.ExpiresOn!.Value;
        Incidents = [.. incidentIds.Distinct().Select(i => new AlertIncident(Id, i))];
        Reports = Incidents.Count;
    }

    /// <summary>Approval: by another coordinator when the centre has more than one.</summary>
    public void Approve(Guid coordinatorId, int activeCoordinators, DateTime nowUtc)
    {
        if (Status != AlertStatus.Draft)
        {
            throw new DomainException("Alert.Error.NotDraft");
        }

        if (activeCoordinators > 1 && coordinatorId == CreatedById)
        {
            throw new DomainException("Alert.Error.OwnApproval");
        }

        Status = AlertStatus.Approved;
        ApprovedById = coordinatorId;
        ApprovedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public void Publish(DateOnly today, DateTime nowUtc)
    {
        if (Status != AlertStatus.Approved)
        {
            throw new DomainException("Alert.Error.NotApproved");
        }

        if (ExpiresOn < today)
        {
            throw new DomainException("Alert.Error.Expired");
        }

        Status = AlertStatus.Published;
        PublishedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    /// <summary>
    /// The person behind one of its incidents withdrew her ALERT consent: that incident no longer stands
    /// behind it; with none left the alert is withdrawn. Returns true when it was withdrawn.
    /// </summary>
    public bool DropIncident(Guid incidentId, DateTime nowUtc)
    {
        Incidents.RemoveAll(i => i.IncidentId == incidentId);
        Reports = Incidents.Count;
        if (Reports > 0 || Status == AlertStatus.Withdrawn)
        {
            return false;
        }

        Withdraw(nowUtc);
        return true;
    }

    public void Withdraw(DateTime nowUtc)
    {
        if (Status == AlertStatus.Withdrawn)
        {
            return;
        }

        Status = AlertStatus.Withdrawn;
        WithdrawnAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    private static string? Join(IReadOnlyList<string> values)
    {
        var kept = values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return kept.Count == 0 ? null : string.Join('\n', kept);
    }

    private static string[] Lines(string? value) =>
        value is null ? [] : value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>An incident an alert draws on.</summary>
public sealed class AlertIncident
{
    private AlertIncident()
    {
    }

    public AlertIncident(Guid alertId, Guid incidentId)
    {
        AlertId = alertId;
        IncidentId = incidentId;
    }

    public Guid AlertId { get; private set; }

    public Guid IncidentId { get; private set; }
}

/// <summary>A published identifier of an alert as a blind index (phone or plate), for the number check.</summary>
public sealed class AlertIdentifier : Entity
{
    private AlertIdentifier()
    {
    }

    public AlertIdentifier(Guid alertId, byte[] index)
    {
        AlertId = alertId;
        Index = index;
    }

    public Guid AlertId { get; private set; }

    public byte[] Index { get; private set; } = [];
}
