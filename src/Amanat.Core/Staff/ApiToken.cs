using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Staff;

/// <summary>
/// A personal API token: shown once when created, stored only as its SHA-256. It acts as its owner with
/// the owner's current roles, so taking a role away takes it from her tokens too.
/// </summary>
public sealed class ApiToken : Entity
{
    public const string Prefix = "amanat_";
    public const int MaxNameLength = 60;

    private ApiToken()
    {
    }

    private ApiToken(Guid userId, string name, byte[] secretHash, DateTime nowUtc)
        : base(Guid.CreateVersion7(nowUtc))
    {
        UserId = userId;
        Name = name;
        SecretHash = secretHash;
        CreatedAtUtc = nowUtc;
    }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public byte[] SecretHash { get; private set; } = [];

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? LastUsedAtUtc { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    public bool IsActive => RevokedAtUtc is null;

    /// <summary>Creates a token; the returned secret is shown once and never stored.</summary>
    public static (ApiToken Token, string Secret) Create(Guid userId, string? name, DateTime nowUtc)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException("Tokens.Error.NameRequired");
        }

        if (trimmed.Length > MaxNameLength)
        {
            throw new DomainException("Tokens.Error.NameTooLong");
        }

        var secret = SecretToken.Create(Prefix);
        return (new ApiToken(userId, trimmed, SecretToken.Hash(secret), UtcTime.Require(nowUtc, nameof(nowUtc))), secret);
    }

    public void Revoke(DateTime nowUtc) => RevokedAtUtc ??= UtcTime.Require(nowUtc, nameof(nowUtc));

    public bool MarkUsed(DateTime nowUtc)
    {
        if (LastUsedAtUtc is { } last && nowUtc - last < TimeSpan.FromMinutes(1))
        {
            return false;
        }

        LastUsedAtUtc = nowUtc;
        return true;
    }
}
