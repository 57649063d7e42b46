using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Care;

/// <summary>
/// A service the centre gave: a response to an incident now, the services log of the drop-in centre later
/// — one entity, never a second list. Code and date in the clear (counted); provider and note encrypted.
/// </summary>
public sealed class ServiceRecord : Entity, IEncryptedRecord
{
    public const int MaxNights = 365;

    /// <summary>The service code of a shelter stay: one row per stay, so nights are counted once.</summary>
    public const string ShelterCode = "SHELTER";

    private ServiceRecord()
    {
    }

    public ServiceRecord(Guid? incidentId, string code, DateOnly givenOn, Guid givenById, int? nights, string? provider, string? note, DateTime nowUtc, Guid? memberId = null)
    {
        if (nights is < 1 or > MaxNights)
        {
            throw new DomainException("Rule.OutOfRange");
        }

        IncidentId = incidentId;
        MemberLink = memberId?.ToString("N");
        Code = code;
        GivenOn = givenOn;
        GivenById = givenById;
        Nights = nights;
        Provider = string.IsNullOrWhiteSpace(provider) ? null : provider.Trim();
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        CreatedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public Guid? IncidentId { get; private set; }

    /// <summary>To whom: her member id as text, encrypted, with a blind index (which services did she get?). Null for an unnamed person.</summary>
    public string? MemberLink { get; private set; }

    public Guid? MemberId => Guid.TryParseExact(MemberLink, "N", out var id) ? id : null;

    public string Code { get; private set; } = string.Empty;

    public DateOnly GivenOn { get; private set; }

    public Guid GivenById { get; private set; }

    /// <summary>For a shelter stay: how many nights.</summary>
    public int? Nights { get; private set; }

    /// <summary>For a shelter stay: the morning she left. Open (null) while she stays; nights are then counted from the dates.</summary>
    public DateOnly? EndedOn { get; private set; }

    /// <summary>A shelter stay that has begun and not ended.</summary>
    public bool IsOpenStay => Code == ShelterCode && EndedOn is null && Nights is null;

    /// <summary>Ends a shelter stay: the nights are the days between arrival and departure (at least one).</summary>
    public void CheckOut(DateOnly leftOn)
    {
        if (!IsOpenStay)
        {
            throw new DomainException("Shelter.Error.NotStaying");
        }

        if (leftOn < GivenOn)
        {
            throw new DomainException("Shelter.Error.LeftBeforeArrived");
        }

        EndedOn = leftOn;
        Nights = Math.Clamp(leftOn.DayNumber - GivenOn.DayNumber, 1, MaxNights);
    }

    public string? Provider { get; private set; }

    public string? Note { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>"Forget me": the service stays counted (code, date, nights) but no longer says to whom, by which provider, or what was noted.</summary>
    public void ForgetPerson()
    {
        MemberLink = null;
        Provider = null;
        Note = null;
    }

    public Guid KeyOwnerId => IncidentId ?? Id;
}
