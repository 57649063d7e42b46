using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Care;

/// <summary>Where a referral stands.</summary>
public enum ReferralStatus
{
    Sent = 1,
    Accepted,
    Done,
    Declined,
    NoShow,
    Revoked,
}

/// <summary>
/// A member sent to a friendly provider for a service, with a date by which someone follows up. To whom is
/// an encrypted link with a blind index (a copied database does not tie a member to a gynaecologist); the
/// provider, the service code, the dates and the status are in the clear for the follow-up list and statistics.
/// </summary>
public sealed class Referral : Entity, IEncryptedRecord
{
    public const int MaxNoteLength = 2_000;

    private Referral()
    {
    }

    public Referral(Guid memberId, Guid providerId, string serviceCode, DateOnly sentOn, DateOnly dueOn, string? note, Guid createdById, DateTime nowUtc, Guid? incidentId = null)
    {
        if (dueOn < sentOn)
        {
            throw new DomainException("Referral.Error.DueBeforeSent");
        }

        MemberLink = memberId.ToString("N");
        ProviderId = providerId;
        ServiceCode = serviceCode;
        SentOn = sentOn;
        DueOn = dueOn;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        IncidentId = incidentId;
        CreatedById = createdById;
        Status = ReferralStatus.Sent;
        CreatedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
        StatusChangedAtUtc = CreatedAtUtc;
    }

    /// <summary>Her member id as text; encrypted, with a blind index.</summary>
    public string? MemberLink { get; private set; }

    public Guid? MemberId => Guid.TryParseExact(MemberLink, "N", out var id) ? id : null;

    public Guid ProviderId { get; private set; }

    /// <summary>What for: a service code of the responses list (MED-GYN, LEG-CON…).</summary>
    public string ServiceCode { get; private set; } = string.Empty;

    public Guid? IncidentId { get; private set; }

    public ReferralStatus Status { get; private set; }

    public DateOnly SentOn { get; private set; }

    /// <summary>When someone should have followed up (and the referral be done).</summary>
    public DateOnly DueOn { get; private set; }

    public string? Note { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime StatusChangedAtUtc { get; private set; }

    public Guid KeyOwnerId => Id;

    public bool IsOpen => Status is ReferralStatus.Sent or ReferralStatus.Accepted;

    public bool IsOverdue(DateOnly today) => IsOpen && DueOn < today;

    /// <summary>A new status, and optionally a new follow-up date (for an accepted referral that takes longer).</summary>
    public void Update(ReferralStatus status, DateOnly? dueOn, DateTime nowUtc)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainException("Rule.UnknownCode");
        }

        if (dueOn is { } due && due < SentOn)
        {
            throw new DomainException("Referral.Error.DueBeforeSent");
        }

        if (status != Status)
        {
            Status = status;
            StatusChangedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
        }

        DueOn = dueOn ?? DueOn;
    }
}
