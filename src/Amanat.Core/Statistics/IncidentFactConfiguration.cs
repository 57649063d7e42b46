using Amanat.Core.Incidents;
using Amanat.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Amanat.Core.Statistics;

internal sealed class IncidentFactConfiguration : IEntityTypeConfiguration<Statistics.IncidentFact>
{
    public void Configure(EntityTypeBuilder<Statistics.IncidentFact> builder)
    {
        builder.HasKey(x => x.IncidentId);
        builder.Property(x => x.CityCode).HasMaxLength(VocabularyEntry.MaxCodeLength);
        builder.Property(x => x.StationCode).HasMaxLength(VocabularyEntry.MaxCodeLength);
        builder.Property(x => x.Violations).HasMaxLength(2000);
        builder.Property(x => x.Perpetrators).HasMaxLength(500);
        builder.Property(x => x.Nationalities).HasMaxLength(2000);
        builder.Property(x => x.Currency).HasMaxLength(3);
        builder.HasOne<Incident>().WithOne().HasForeignKey<Statistics.IncidentFact>(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
