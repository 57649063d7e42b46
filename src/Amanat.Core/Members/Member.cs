using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Members;

/// <summary>
/// A member of the community the centre works with. For now the minimal record an incident needs: a
/// working name (never a legal name), encrypted under her own key. A later issue adds the rest.
/// </summary>
public sealed class Member : Entity, IEncryptedRecord
{
    public const int MaxWorkingNameLength = 100;

    private Member()
    {
    }

    public Member(string workingName, Guid createdById, DateTime nowUtc)
    {
        Rename(workingName);
        CreatedById = createdById;
        CreatedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    /// <summary>The name she is known by at the centre. Encrypted; found by its blind index.</summary>
    public string? WorkingName { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public Guid KeyOwnerId => Id;

    public void Rename(string workingName)
    {
        var name = workingName?.Trim() ?? string.Empty;
        if (name.Length == 0 || name.Length > MaxWorkingNameLength)
        {
            throw new DomainException("Member.Error.WorkingName");
        }

        WorkingName = name;
    }
}

/// <summary>Working names compared without case, spacing or Unicode form: "  Айгуль " finds "айгуль".</summary>
public sealed class WorkingNameNormaliser : IIdentifierNormaliser
{
    public string Kind => "working-name";

    public string? Normalise(string raw) =>
        string.Join(' ', raw.Normalize(System.Text.NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
