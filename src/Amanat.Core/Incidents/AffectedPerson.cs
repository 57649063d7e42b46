using System.Globalization;
using Amanat.Core.Common;
using Amanat.Core.Security;

namespace Amanat.Core.Incidents;

/// <summary>
/// A person affected by an incident, with her consent. The link to her member record is itself
/// encrypted (with a blind index for "her incidents"): a copied database does not tell who was where.
/// </summary>
public sealed class AffectedPerson : Entity, IEncryptedRecord
{
    private AffectedPerson()
    {
    }

    public AffectedPerson(Guid incidentId, Guid? memberId)
    {
        IncidentId = incidentId;
        MemberLink = memberId?.ToString("N");
    }

    public Guid IncidentId { get; private set; }

    /// <summary>Her member id as text; encrypted. Null for a person nobody named.</summary>
    public string? MemberLink { get; private set; }

    public Guid? MemberId => Guid.TryParseExact(MemberLink, "N", out var id) ? id : null;

    public List<ConsentRecord> Consents { get; private set; } = [];

    /// <summary>"Forget me": she stays counted in the incident, as a person nobody named.</summary>
    public void ForgetMember() => MemberLink = null;

    public Guid KeyOwnerId => IncidentId;

    /// <summary>The current answer for a scope; not asked when never recorded.</summary>
    public ConsentValue Consent(string scope) =>
        Consents.Where(x => x.Scope == scope).OrderByDescending(x => x.RecordedAtUtc).ThenByDescending(x => x.Id).FirstOrDefault()?.Value ?? ConsentValue.NotAsked;

    /// <summary>When the current answer for a scope was recorded; null when never asked.</summary>
    public DateTime? ConsentRecordedAtUtc(string scope) =>
        Consents.Where(x => x.Scope == scope).OrderByDescending(x => x.RecordedAtUtc).ThenByDescending(x => x.Id).FirstOrDefault()?.RecordedAtUtc;

    /// <summary>Records each answer that differs from the current one: history is kept, and a YES turned NO is a withdrawal.</summary>
    public void SetConsents(IReadOnlyDictionary<string, ConsentValue> answers, Guid byUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(answers);
        foreach (var (scope, value) in answers.Where(a => Consent(a.Key) != a.Value))
        {
            Consents.Add(new ConsentRecord(Id, scope, value, byUserId, nowUtc));
        }
    }

    internal string Describe() =>
        (MemberLink ?? "-") + " " + string.Join(",", Consents.Select(c => c.Scope).Distinct().Order(StringComparer.Ordinal).Select(s => $"{s}={Consent(s)}"));
}

/// <summary>One answer to one consent scope, with when and who recorded it. Never updated: a new answer is a new row.</summary>
public sealed class ConsentRecord : Entity
{
    private ConsentRecord()
    {
    }

    public ConsentRecord(Guid personId, string scope, ConsentValue value, Guid recordedById, DateTime nowUtc)
    {
        PersonId = personId;
        Scope = scope;
        Value = value;
        RecordedById = recordedById;
        RecordedAtUtc = UtcTime.Require(nowUtc, nameof(nowUtc));
    }

    public Guid PersonId { get; private set; }

    public string Scope { get; private set; } = string.Empty;

    public ConsentValue Value { get; private set; }

    public Guid RecordedById { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Scope}={Value}");
}

/// <summary>Member ids compared as they are: the blind index of the member link.</summary>
public sealed class MemberLinkNormaliser : IIdentifierNormaliser
{
    public string Kind => "member-link";

    public string? Normalise(string raw) => Guid.TryParse(raw, out var id) ? id.ToString("N") : null;
}
