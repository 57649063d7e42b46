using Amanat.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Amanat.Core.Providers;

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Providers.Provider>
{
    public void Configure(EntityTypeBuilder<Providers.Provider> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Name).HasMaxLength(Providers.Provider.MaxNameLength).IsRequired();
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Cost).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.CityCode).HasMaxLength(VocabularyEntry.MaxCodeLength).IsRequired();
        builder.Property(x => x.Languages).HasMaxLength(64);
        foreach (var text in new[] { nameof(Providers.Provider.Address), nameof(Providers.Provider.Contact), nameof(Providers.Provider.Hours), nameof(Providers.Provider.PublicNote), nameof(Providers.Provider.StaffNote) })
        {
            builder.Property(text).HasMaxLength(Providers.Provider.MaxTextLength);
        }

        builder.HasIndex(x => new { x.CityCode, x.Kind });
        builder.Ignore(x => x.IsRetired);
    }
}
