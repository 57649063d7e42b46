using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Amanat.Core.Vocabularies;

internal sealed class VocabularyEntryConfiguration : IEntityTypeConfiguration<VocabularyEntry>
{
    public void Configure(EntityTypeBuilder<VocabularyEntry> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Code).HasMaxLength(VocabularyEntry.MaxCodeLength).IsRequired();
        builder.Property(x => x.ParentCode).HasMaxLength(VocabularyEntry.MaxCodeLength);
        foreach (var label in new[] { nameof(VocabularyEntry.LabelEn), nameof(VocabularyEntry.LabelRu), nameof(VocabularyEntry.LabelKk), nameof(VocabularyEntry.LabelUz) })
        {
            builder.Property(label).HasMaxLength(VocabularyEntry.MaxLabelLength).IsRequired();
        }

        builder.HasIndex(x => new { x.Kind, x.Code }).IsUnique();
        builder.Ignore(x => x.IsRetired);
        builder.Ignore(x => x.Labels);
    }
}
