using System.Text.Json;
using Amanat.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Core.Vocabularies;

/// <summary>
/// The starting lists of <c>docs/typology.md</c>, in four languages (<c>vocabularies.json</c>).
/// Added when missing at every start; entries already present — perhaps relabelled by the centre — are
/// never overwritten.
/// </summary>
public static class VocabularySeed
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<VocabularyEntry> Entries()
    {
        using var stream = typeof(VocabularySeed).Assembly.GetManifestResourceStream("Amanat.Vocabularies.json")
            ?? throw new InvalidOperationException("The vocabulary seed is missing from the assembly.");
        var rows = JsonSerializer.Deserialize<List<SeedRow>>(stream, Json) ?? [];
        return [.. rows.Select((row, index) => new VocabularyEntry(
            Enum.Parse<VocabularyKind>(row.Kind, ignoreCase: true),
            row.Code,
            new VocabularyLabels(row.En, row.Ru, row.Kk, row.Uz),
            row.Parent,
            index))];
    }

    public static async Task ApplyAsync(AmanatDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = (await db.VocabularyEntries.Select(x => new { x.Kind, x.Code }).ToListAsync(cancellationToken))
            .Select(x => (x.Kind, x.Code)).ToHashSet();
        foreach (var entry in Entries().Where(e => !existing.Contains((e.Kind, e.Code))))
        {
            db.VocabularyEntries.Add(entry);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record SeedRow(string Kind, string Code, string En, string Ru, string Kk, string Uz, string? Parent);
}
