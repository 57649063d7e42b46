namespace Amanat.Core.Common;

/// <summary>
/// The one row that says when this installation's database was created. Later features hang
/// first-run state from it; it holds nothing about any person.
/// </summary>
public sealed class Installation : Entity
{
    private Installation()
    {
    }

    public Installation(Guid id, DateTime createdAtUtc)
        : base(id)
    {
        CreatedAtUtc = UtcTime.Require(createdAtUtc, nameof(createdAtUtc));
    }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>SHA-256 of the one-time setup link's secret, while setup is not done.</summary>
    public byte[]? SetupTokenHash { get; private set; }

    public DateTime? SetupCompletedAtUtc { get; private set; }

    public bool IsSetUp => SetupCompletedAtUtc is not null;

    /// <summary>When every incident recorded before the statistics existed got its fact; null until then.</summary>
    public DateTime? FactsBuiltAtUtc { get; private set; }

    public void FactsBuilt(DateTime nowUtc) => FactsBuiltAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));

    /// <summary>Issues a new one-time setup secret (the previous one dies). Returns it; only its hash is kept.</summary>
    public string IssueSetupToken()
    {
        if (IsSetUp)
        {
            throw new DomainException("Setup.Error.Done");
        }

        var token = Security.SecretToken.Create("setup_");
        SetupTokenHash = Security.SecretToken.Hash(token);
        return token;
    }

    public bool AcceptsSetupToken(string? token) =>
        !IsSetUp && SetupTokenHash is not null && !string.IsNullOrWhiteSpace(token)
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(SetupTokenHash, Security.SecretToken.Hash(token));

    /// <summary>Marks setup as done; the setup link dies with it.</summary>
    public void CompleteSetup(DateTime nowUtc)
    {
        SetupCompletedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
        SetupTokenHash = null;
    }

    public static Installation Create(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        return new Installation(Guid.CreateVersion7(now), now.UtcDateTime);
    }
}
