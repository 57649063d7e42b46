using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Staff;

/// <summary>
/// A staff form posted after the session had expired, kept encrypted for an hour so that it can be shown
/// filled in after she signs in again. Only the same person can take it back, once.
/// </summary>
public sealed class PreservedForm : Entity, IEncryptedRecord
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private PreservedForm()
    {
    }

    public PreservedForm(Guid id, Guid userId, string path, string fields, DateTime nowUtc)
        : base(id)
    {
        UserId = userId;
        Path = path;
        Fields = fields;
        CreatedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public Guid UserId { get; private set; }

    public string Path { get; private set; } = string.Empty;

    /// <summary>The posted fields as JSON; encrypted under the staff member's key by the persistence layer.</summary>
    public string? Fields { get; private set; }

    public Guid KeyOwnerId => UserId;

    public DateTime CreatedAtUtc { get; private set; }

    public bool IsUsableBy(Guid userId, string path, DateTime nowUtc) =>
        userId == UserId && string.Equals(path, Path, StringComparison.OrdinalIgnoreCase) && nowUtc - CreatedAtUtc <= Lifetime;
}
