using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Incidents;

/// <summary>Who did it: category and involvement in the clear; every identifier encrypted under the incident's key.</summary>
public sealed class Perpetrator : Entity, IEncryptedRecord
{
    private Perpetrator()
    {
    }

    public Perpetrator(Guid incidentId, PerpetratorDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        IncidentId = incidentId;
        CategoryCode = draft.CategoryCode ?? throw new DomainException("Rule.Required");
        Count = draft.Count;
        InvolvementCode = draft.InvolvementCode;
        Name = Blank(draft.Name);
        Rank = Blank(draft.Rank);
        Badge = Blank(draft.Badge);
        Phones = Blank(draft.Phones);
        Plate = Blank(draft.Plate);
        Vehicle = Blank(draft.Vehicle);
        Description = Blank(draft.Description);
    }

    public Guid IncidentId { get; private set; }

    public string CategoryCode { get; private set; } = string.Empty;

    public int? Count { get; private set; }

    public string? InvolvementCode { get; private set; }

    /// <summary>Name or nickname.</summary>
    public string? Name { get; private set; }

    public string? Rank { get; private set; }

    public string? Badge { get; private set; }

    /// <summary>One or more phone numbers as typed; normalised matching comes with Incidents II.</summary>
    public string? Phones { get; private set; }

    public string? Plate { get; private set; }

    /// <summary>Vehicle make and colour.</summary>
    public string? Vehicle { get; private set; }

    public string? Description { get; private set; }

    /// <summary>Retention of stories: the free description goes; category, count and identifiers (for alerts) stay.</summary>
    internal void RemoveDescription() => Description = null;

    public Guid KeyOwnerId => IncidentId;

    public PerpetratorDraft ToDraft() => new()
    {
        CategoryCode = CategoryCode, Count = Count, InvolvementCode = InvolvementCode, Name = Name, Rank = Rank,
        Badge = Badge, Phones = Phones, Plate = Plate, Vehicle = Vehicle, Description = Description,
    };

    internal string Describe() => string.Join(" | ", new[] { CategoryCode, Count?.ToString(System.Globalization.CultureInfo.InvariantCulture), InvolvementCode, Name, Rank, Badge, Phones, Plate, Vehicle, Description }.Select(x => x ?? "-"));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
