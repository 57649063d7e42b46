using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Stay;

/// <summary>The identity and migration document types of the typology (never a number).</summary>
public static class DocumentTypes
{
    public static readonly IReadOnlyList<string> All = ["PASSPORT", "NATID", "MIGCARD", "REG", "TRP", "WORK", "BIRTH", "MEDCERT"];

    /// <summary>Where a document is.</summary>
    public static readonly IReadOnlyList<string> Whereabouts = ["WITH-HER", "SAFEKEEP", "POLICE", "THIRD", "LOST", "EXPIRED", "DOUBTFUL"];
}

/// <summary>
/// Where one of her documents is, since when: one row per change, so the history shows who held it when
/// (the police since March, back with her since May). The whereabouts is encrypted under her key; the type is
/// a code in the clear. Never a document number.
/// </summary>
public sealed class DocumentRecord : Entity, IEncryptedRecord
{
    private DocumentRecord()
    {
    }

    public DocumentRecord(Guid memberId, string typeCode, string whereabouts, DateOnly since, Guid recordedById, DateTime nowUtc)
    {
        if (!DocumentTypes.All.Contains(typeCode) || !DocumentTypes.Whereabouts.Contains(whereabouts))
        {
            throw new DomainException("Rule.UnknownCode");
        }

        MemberId = memberId;
        TypeCode = typeCode;
        Whereabouts = whereabouts;
        Since = since;
        RecordedById = recordedById;
        RecordedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public Guid MemberId { get; private set; }

    public string TypeCode { get; private set; } = string.Empty;

    public string? Whereabouts { get; private set; }

    public DateOnly Since { get; private set; }

    public Guid RecordedById { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public Guid KeyOwnerId => MemberId;
}

/// <summary>
/// One of her movements (an entry, an exit, an expulsion, a shortened stay) with its date — both encrypted
/// under her key as one value, so a copied database does not show who crossed the border when. Computed in
/// memory by <see cref="StayCalculator"/>.
/// </summary>
public sealed class MovementRecord : Entity, IEncryptedRecord
{
    private MovementRecord()
    {
    }

    public MovementRecord(Guid memberId, Movement movement, Guid recordedById, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(movement);
        if (!Enum.IsDefined(movement.Kind))
        {
            throw new DomainException("Rule.UnknownCode");
        }

        MemberId = memberId;
        Value = $"{movement.Kind}|{movement.On:yyyy-MM-dd}";
        RecordedById = recordedById;
        RecordedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public Guid MemberId { get; private set; }

    /// <summary>"Kind|yyyy-MM-dd", encrypted.</summary>
    public string? Value { get; private set; }

    public Guid RecordedById { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public Guid KeyOwnerId => MemberId;

    public Movement? Movement =>
        Value?.Split('|') is [var kind, var on] && Enum.TryParse<MovementKind>(kind, out var k)
        && DateOnly.TryParseExact(on, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? new Movement(k, d)
            : null;
}
