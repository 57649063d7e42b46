using Amanat.Core.Common;
using Amanat.Core.Community;
using Amanat.Core.Security;

namespace Amanat.Core.SelfReports;

public enum SelfReportChannel
{
    Web = 1,
    Api = 2,
    Bot = 3,
}

public enum SelfReportStatus
{
    /// <summary>Waiting for a coordinator.</summary>
    New = 0,

    /// <summary>Turned into a new incident.</summary>
    Converted = 1,

    /// <summary>Attached to an incident already recorded.</summary>
    Attached = 2,

    Discarded = 3,

    /// <summary>She withdrew it after it had been reviewed: the content is gone, the fact stays.</summary>
    Withdrawn = 4,
}

/// <summary>
/// A report a person sent about herself, without an account. Its content is sealed to the self-report
/// public key when it arrives (<see cref="SealedBox"/>, bound to the report's id), so it is accepted even
/// while the server is sealed and nothing of it is readable without the root key. She gets a reference to
/// quote or to withdraw it; only a hash of the reference is kept.
/// </summary>
public sealed class SelfReport : Entity
{
    public const string ReferencePurpose = "self-report";

    private SelfReport()
    {
    }

    private SelfReport(Guid id, SelfReportChannel channel, byte[] referenceHash, byte[] sealedContent, DateTime nowUtc)
        : base(id)
    {
        Channel = channel;
        ReferenceHash = referenceHash;
        SealedContent = sealedContent;
        ReceivedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public DateTime ReceivedAtUtc { get; private set; }

    public SelfReportChannel Channel { get; private set; }

    public byte[] ReferenceHash { get; private set; } = [];

    /// <summary>The sealed <see cref="SelfReportContent"/>; null once she has withdrawn a reviewed report.</summary>
    public byte[]? SealedContent { get; private set; }

    public SelfReportStatus Status { get; private set; }

    public Guid? IncidentId { get; private set; }

    /// <summary>Why it was discarded: <see cref="DiscardReasons"/>.</summary>
    public string? DiscardReason { get; private set; }

    public DateTime? ReviewedAtUtc { get; private set; }

    public Guid? ReviewedById { get; private set; }

    public DateTime? WithdrawnAtUtc { get; private set; }

    public List<SelfReportContact> Contacts { get; private set; } = [];

    public bool IsReviewed => Status != SelfReportStatus.New || Contacts.Count > 0;

    public static readonly IReadOnlyList<string> DiscardReasons = ["DUPLICATE", "NOT-AN-INCIDENT", "ABUSIVE", "TEST", "OTHER"];

    /// <summary>Seals the content to the public key and returns the report with the reference to give her (shown once).</summary>
    public static (SelfReport Report, string Reference) Receive(SelfReportContent content, SelfReportChannel channel, byte[] publicKey, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = Guid.CreateVersion7(nowUtc);
        var reference = ReadableCode.Create();
        var hash = ReadableCode.Hash(ReadableCode.Normalise(reference)!, ReferencePurpose);
        var box = SealedBox.Seal(publicKey, content.ToBytes(), AssociatedData(id));
        return (new SelfReport(id, channel, hash, box, nowUtc), reference);
    }

    public static byte[] AssociatedData(Guid id) => System.Text.Encoding.ASCII.GetBytes($"SelfReport:{id:N}");

    /// <summary>Opens the content with the unsealed server's private key; null when withdrawn.</summary>
    public SelfReportContent? Open(System.Security.Cryptography.ECDiffieHellman privateKey) =>
        SealedContent is null ? null : SelfReportContent.FromBytes(SealedBox.Open(privateKey, SealedContent, AssociatedData(Id)));

    public void ConvertedTo(Guid incidentId, Guid reviewerId, DateTime nowUtc)
    {
        RequireOpen();
        Status = SelfReportStatus.Converted;
        IncidentId = incidentId;
        Reviewed(reviewerId, nowUtc);
    }

    public void AttachTo(Guid incidentId, Guid reviewerId, DateTime nowUtc)
    {
        RequireOpen();
        Status = SelfReportStatus.Attached;
        IncidentId = incidentId;
        Reviewed(reviewerId, nowUtc);
    }

    public void Discard(string reason, Guid reviewerId, DateTime nowUtc)
    {
        RequireOpen();
        if (!DiscardReasons.Contains(reason))
        {
            throw new DomainException("Reports.Error.Reason");
        }

        Status = SelfReportStatus.Discarded;
        DiscardReason = reason;
        Reviewed(reviewerId, nowUtc);
    }

    public SelfReportContact NoteContact(bool reached, Guid staffId, DateTime nowUtc)
    {
        if (Status == SelfReportStatus.Withdrawn)
        {
            throw new DomainException("Reports.Error.Withdrawn");
        }

        var contact = new SelfReportContact(Id, reached, staffId, nowUtc);
        Contacts.Add(contact);
        return contact;
    }

    /// <summary>She withdrew it after review: the content is deleted, the fact (and any incident made from it) stays.</summary>
    public void Withdraw(DateTime nowUtc)
    {
        SealedContent = null;
        Status = SelfReportStatus.Withdrawn;
        WithdrawnAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    private void RequireOpen()
    {
        if (Status != SelfReportStatus.New)
        {
            throw new DomainException(Status == SelfReportStatus.Withdrawn ? "Reports.Error.Withdrawn" : "Reports.Error.Done");
        }
    }

    private void Reviewed(Guid reviewerId, DateTime nowUtc)
    {
        ReviewedById = reviewerId;
        ReviewedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }
}

/// <summary>A coordinator tried to reach her: when, who, and whether it worked. No note, no number.</summary>
public sealed class SelfReportContact : Entity
{
    private SelfReportContact()
    {
    }

    public SelfReportContact(Guid reportId, bool reached, Guid staffId, DateTime nowUtc)
    {
        ReportId = reportId;
        Reached = reached;
        StaffId = staffId;
        AtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public Guid ReportId { get; private set; }

    public bool Reached { get; private set; }

    public Guid StaffId { get; private set; }

    public DateTime AtUtc { get; private set; }
}
