using Amanat.Core.Incidents;
using Amanat.Core.Vocabularies;

namespace Amanat.Core.Care;

/// <summary>A service as the incident page, the member page or the API sends it.</summary>
public sealed record ServiceDraft
{
    public string? Code { get; init; }

    /// <summary>When it was given; today when empty.</summary>
    public DateOnly? GivenOn { get; init; }

    public int? Nights { get; init; }

    public string? Provider { get; init; }

    public string? Note { get; init; }

    /// <summary>The incident this help answers, if any.</summary>
    public Guid? IncidentId { get; init; }
}

/// <summary>What a recorded service must satisfy: an offered code, not in the future, nights within a year, short texts.</summary>
public static class ServiceRules
{
    public static IReadOnlyList<RuleError> Check(ServiceDraft draft, VocabularyList vocabulary, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var errors = new List<RuleError>();
        if (string.IsNullOrEmpty(draft.Code))
        {
            errors.Add(new(nameof(ServiceDraft.Code), "Rule.Required"));
        }
        else if (!vocabulary.IsActive(VocabularyKind.Response, draft.Code))
        {
            errors.Add(new(nameof(ServiceDraft.Code), "Rule.UnknownCode"));
        }

        if (draft.GivenOn is { } given && given > today)
        {
            errors.Add(new(nameof(ServiceDraft.GivenOn), "Rule.FutureDate"));
        }

        if (draft.Nights is < 1 or > ServiceRecord.MaxNights)
        {
            errors.Add(new(nameof(ServiceDraft.Nights), "Rule.OutOfRange"));
        }
        else if (draft.Code == ServiceRecord.ShelterCode && draft.Nights is null)
        {
            // A stay recorded afterwards carries its nights; one that goes on is a check-in (an open stay).
            errors.Add(new(nameof(ServiceDraft.Nights), "Shelter.Error.NightsNeeded"));
        }

        if (draft.Provider?.Trim().Length > IncidentRules.MaxIdentifierLength)
        {
            errors.Add(new(nameof(ServiceDraft.Provider), "Rule.TooLong"));
        }

        if (draft.Note?.Trim().Length > IncidentRules.MaxNoteLength)
        {
            errors.Add(new(nameof(ServiceDraft.Note), "Rule.TooLong"));
        }

        return errors;
    }
}

internal static class ServiceQueries
{
    /// <summary>The services given to one member, found through the blind index of the encrypted member link.</summary>
    public static IQueryable<ServiceRecord> ForMember(this IQueryable<ServiceRecord> services, Security.KeyRing keys, Guid memberId)
    {
        var link = Security.BlindIndex.Compute(keys, new MemberLinkNormaliser(), memberId.ToString("N"));
        var column = Security.BlindIndex.Of(nameof(ServiceRecord.MemberLink));
        return services.Where(s => Microsoft.EntityFrameworkCore.EF.Property<byte[]>(s, column) == link);
    }
}
