namespace Amanat.Core.Vocabularies;

/// <summary>The entries of the lists, loaded once for a request: labels for display, codes for validation.</summary>
public sealed class VocabularyList(IEnumerable<VocabularyEntry> entries)
{
    private readonly Dictionary<(VocabularyKind, string), VocabularyEntry> byCode =
        entries.ToDictionary(e => (e.Kind, e.Code));

    /// <summary>Entries that new records may use, in order.</summary>
    public IReadOnlyList<VocabularyEntry> Active(VocabularyKind kind) =>
        [.. byCode.Values.Where(e => e.Kind == kind && !e.IsRetired).OrderBy(e => e.SortOrder).ThenBy(e => e.Code, StringComparer.Ordinal)];

    /// <summary>Active entries plus a retired one a record already uses, so that editing it does not lose it.</summary>
    public IReadOnlyList<VocabularyEntry> Choices(VocabularyKind kind, IEnumerable<string?> inUse)
    {
        var used = inUse.OfType<string>().ToHashSet(StringComparer.Ordinal);
        return [.. byCode.Values.Where(e => e.Kind == kind && (!e.IsRetired || used.Contains(e.Code))).OrderBy(e => e.SortOrder).ThenBy(e => e.Code, StringComparer.Ordinal)];
    }

    public bool IsActive(VocabularyKind kind, string? code) =>
        code is not null && byCode.TryGetValue((kind, code), out var entry) && !entry.IsRetired;

    public bool Exists(VocabularyKind kind, string? code) => code is not null && byCode.ContainsKey((kind, code));

    /// <summary>The label in a language; an unknown code shows as itself.</summary>
    public string Label(VocabularyKind kind, string? code, string language) =>
        code is null ? string.Empty : byCode.TryGetValue((kind, code), out var entry) ? entry.Label(language) : code;
}
