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

    public static Installation Create(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        return new Installation(Guid.CreateVersion7(now), now.UtcDateTime);
    }
}
