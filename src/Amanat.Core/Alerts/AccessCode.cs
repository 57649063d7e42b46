using Amanat.Core.Common;

namespace Amanat.Core.Alerts;

/// <summary>
/// A community access code: a card with a random code that unlocks the number check and the alerts feed.
/// It carries no personal data — not who got it, not where. Only a keyed hash of the code is stored; the
/// serial number printed on the card lets staff revoke a lost one. Optionally it expires.
/// </summary>
public sealed class AccessCode : Entity
{
    private AccessCode()
    {
    }

    public AccessCode(int serial, byte[] codeIndex, Guid issuedById, DateOnly? expiresOn, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(serial);

        Serial = serial;
        CodeIndex = codeIndex;
        IssuedById = issuedById;
        ExpiresOn = expiresOn;
        IssuedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public const int MaxBatch = 40;

    /// <summary>The number printed on the card (No. 42), to find it again without the code.</summary>
    public int Serial { get; private set; }

    /// <summary>HMAC of the canonical code under the index key (<see cref="Security.BlindIndex"/>).</summary>
    public byte[] CodeIndex { get; private set; } = [];

    public Guid IssuedById { get; private set; }

    public DateTime IssuedAtUtc { get; private set; }

    public DateOnly? ExpiresOn { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    public Guid? RevokedById { get; private set; }

    /// <summary>The last day it was used (a day, not a time); what it was used for is never kept.</summary>
    public DateOnly? LastUsedOn { get; private set; }

    public int Uses { get; private set; }

    public bool IsRevoked => RevokedAtUtc is not null;

    public bool IsValidOn(DateOnly today) => !IsRevoked && (ExpiresOn is null || today <= ExpiresOn);

    public void Revoke(Guid staffId, DateTime nowUtc)
    {
        if (IsRevoked)
        {
            return;
        }

        RevokedById = staffId;
        RevokedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public void Used(DateOnly today)
    {
        LastUsedOn = today;
        Uses++;
    }
}
