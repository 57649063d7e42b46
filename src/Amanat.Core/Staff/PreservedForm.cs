using Amanat.Core.Common;

namespace Amanat.Core.Staff;

/// <summary>
/// A staff form posted after the session had expired, kept encrypted for an hour so that it can be shown
/// filled in after she signs in again. Only the same person can take it back, once.
/// </summary>
public sealed class PreservedForm : Entity
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private PreservedForm()
    {
    }

    public PreservedForm(Guid id, Guid userId, string path, string encryptedFields, DateTime nowUtc)
        : base(id)
    {
        UserId = userId;
        Path = path;
        EncryptedFields = encryptedFields;
        CreatedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public Guid UserId { get; private set; }

    public string Path { get; private set; } = string.Empty;

    public string EncryptedFields { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }

    public bool IsUsableBy(Guid userId, string path, DateTime nowUtc) =>
        userId == UserId && string.Equals(path, Path, StringComparison.OrdinalIgnoreCase) && nowUtc - CreatedAtUtc <= Lifetime;
}
