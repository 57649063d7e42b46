using System.ComponentModel.DataAnnotations;
using Amanat.Core.Vocabularies;

namespace Amanat.Web.Features.Vocabularies;

/// <summary>The labels of a list entry in the four languages (Russian or English required).</summary>
internal sealed class LabelsInput
{
    [StringLength(VocabularyEntry.MaxLabelLength, ErrorMessage = "Rule.TooLong")]
    public string? Ru { get; set; }

    [StringLength(VocabularyEntry.MaxLabelLength, ErrorMessage = "Rule.TooLong")]
    public string? Kk { get; set; }

    [StringLength(VocabularyEntry.MaxLabelLength, ErrorMessage = "Rule.TooLong")]
    public string? Uz { get; set; }

    [StringLength(VocabularyEntry.MaxLabelLength, ErrorMessage = "Rule.TooLong")]
    public string? En { get; set; }

    public VocabularyLabels ToLabels() => new(En, Ru, Kk, Uz);

    public static LabelsInput From(VocabularyEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new() { Ru = entry.LabelRu, Kk = entry.LabelKk, Uz = entry.LabelUz, En = entry.LabelEn };
    }
}
