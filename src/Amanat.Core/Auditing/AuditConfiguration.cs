using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Amanat.Core.Auditing;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<Auditing.AuditEvent>
{
    public void Configure(EntityTypeBuilder<Auditing.AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(x => x.Sequence);
        builder.Property(x => x.Sequence).ValueGeneratedNever();
        builder.Property(x => x.Network).HasMaxLength(48);
        builder.Property(x => x.DataHash).HasMaxLength(64);
        builder.Property(x => x.DetailMac).HasMaxLength(Auditing.AuditEvent.MacSize);
        builder.Ignore(x => x.CanRemoveDetail);
        builder.Property(x => x.Mac).HasMaxLength(Auditing.AuditEvent.MacSize).IsRequired();
        builder.HasIndex(x => new { x.Type, x.AtUtc });
        builder.HasIndex(x => x.SubjectId);
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<Auditing.AuditHead>
{
    public void Configure(EntityTypeBuilder<Auditing.AuditHead> builder)
    {
        builder.ToTable("AuditHeads");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Mac).HasMaxLength(Auditing.AuditEvent.MacSize).IsRequired();
        builder.Ignore(x => x.Fingerprint);
    }
}
