using Amanat.Core.Incidents;
using Amanat.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Amanat.Core.Identifiers;

internal sealed class PerpetratorIdentifierConfiguration : IEntityTypeConfiguration<Identifiers.PerpetratorIdentifier>
{
    public void Configure(EntityTypeBuilder<Identifiers.PerpetratorIdentifier> builder)
    {
        builder.ToTable("PerpetratorIdentifiers");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Kind).HasMaxLength(16).IsRequired();
        builder.Property(x => x.Index).HasMaxLength(BlindIndex.Size).IsRequired();
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.Kind, x.Index });
        builder.HasIndex(x => x.IncidentId);
    }
}
