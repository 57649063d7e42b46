using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Alerts;

/// <summary>
/// "Remember my code on this phone": her cookie holds a random handle that stands for her card, never the
/// code itself; only the SHA-256 of the handle is kept here, with the card. It lets her in while the card
/// is valid and until it expires; revoking the card deletes its handles, "forget" deletes this one. Nothing
/// about her or her phone is kept.
/// </summary>
public sealed class SavedCard : Entity
{
    public const string Prefix = "sc_";

    private SavedCard()
    {
    }

    private SavedCard(Guid accessCodeId, byte[] handleHash, DateTime expiresAtUtc)
    {
        AccessCodeId = accessCodeId;
        HandleHash = handleHash;
        ExpiresAtUtc = expiresAtUtc;
    }

    public Guid AccessCodeId { get; private set; }

    /// <summary>SHA-256 of the handle: the handle is 32 random bytes, so a plain hash cannot be reversed.</summary>
    public byte[] HandleHash { get; private set; } = [];

    public DateTime ExpiresAtUtc { get; private set; }

    /// <summary>A new handle for a card; the handle goes into her cookie and is never stored.</summary>
    public static (SavedCard Saved, string Handle) Create(Guid accessCodeId, DateTime nowUtc, TimeSpan lifetime)
    {
        var handle = SecretToken.Create(Prefix);
        return (new SavedCard(accessCodeId, Hash(handle), UtcTime.Require(nowUtc, nameof(nowUtc)) + lifetime), handle);
    }

    public static byte[] Hash(string handle) => SecretToken.Hash(handle);
}
