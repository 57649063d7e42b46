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

    /// <summary>"Forget me": the referral stays counted (service, status, dates) but no longer says for whom or what was noted.</summary>
    public void ForgetPerson()
    {
        MemberLink = null;
        Note = null;
    }

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

/// <summary>A referral as the member page or the API sends it.</summary>
public sealed record ReferralDraft
{
    public Guid? ProviderId { get; init; }

    /// <summary>What for: a service code (MED-GYN, LEG-CON…).</summary>
    public string? ServiceCode { get; init; }

    /// <summary>When she was referred; today when empty.</summary>
    public DateOnly? SentOn { get; init; }

    /// <summary>When to follow up; a week after sending when empty.</summary>
    public DateOnly? DueOn { get; init; }

    public string? Note { get; init; }

    public Guid? IncidentId { get; init; }
}

/// <summary>What a referral needs: her SERVICES consent, a provider still on the list, an offered service, sensible dates.</summary>
public static class ReferralRules
{
    public const int DefaultFollowUpDays = 7;

    public static IReadOnlyList<Incidents.RuleError> Check(ReferralDraft draft, Incidents.ConsentValue servicesConsent, Providers.Provider? provider, Vocabularies.VocabularyList vocabulary, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var errors = new List<Incidents.RuleError>();
        if (servicesConsent != Incidents.ConsentValue.Yes)
        {
            errors.Add(new("Consent", "Referral.Error.NoConsent"));
        }

        if (draft.ProviderId is null)
        {
            errors.Add(new(nameof(ReferralDraft.ProviderId), "Rule.Required"));
        }
        else if (provider is null || provider.IsRetired)
        {
            errors.Add(new(nameof(ReferralDraft.ProviderId), "Rule.UnknownCode"));
        }

        if (string.IsNullOrEmpty(draft.ServiceCode))
        {
            errors.Add(new(nameof(ReferralDraft.ServiceCode), "Rule.Required"));
        }
        else if (!vocabulary.IsActive(Vocabularies.VocabularyKind.Response, draft.ServiceCode))
        {
            errors.Add(new(nameof(ReferralDraft.ServiceCode), "Rule.UnknownCode"));
        }

        var sent = draft.SentOn ?? today;
        if (sent > today)
        {
            errors.Add(new(nameof(ReferralDraft.SentOn), "Rule.FutureDate"));
        }

        if (draft.DueOn is { } due && due < sent)
        {
            errors.Add(new(nameof(ReferralDraft.DueOn), "Referral.Error.DueBeforeSent"));
        }

        if (draft.Note?.Trim().Length > Referral.MaxNoteLength)
        {
            errors.Add(new(nameof(ReferralDraft.Note), "Rule.TooLong"));
        }

        return errors;
    }
}
