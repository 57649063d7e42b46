using Amanat.Core.Members;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Amanat.Core.Stay;

internal sealed class DocumentRecordConfiguration : IEntityTypeConfiguration<Stay.DocumentRecord>
{
    public void Configure(EntityTypeBuilder<Stay.DocumentRecord> builder)
    {
        builder.ToTable("DocumentRecords");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.IsEncryptedRecord(DataClasses.Member, "DocumentRecord");
        builder.HasEncrypted(x => x.Whereabouts);
        builder.Property(x => x.TypeCode).HasMaxLength(16).IsRequired();
        builder.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.MemberId, x.TypeCode, x.Since });
    }
}

internal sealed class MovementRecordConfiguration : IEntityTypeConfiguration<Stay.MovementRecord>
{
    public void Configure(EntityTypeBuilder<Stay.MovementRecord> builder)
    {
        builder.ToTable("MovementRecords");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.IsEncryptedRecord(DataClasses.Member, "MovementRecord");
        builder.HasEncrypted(x => x.Value);
        builder.Ignore(x => x.Movement);
        builder.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.MemberId);
    }
}

internal sealed class StayRuleVersionConfiguration : IEntityTypeConfiguration<Stay.StayRuleVersion>
{
    public void Configure(EntityTypeBuilder<Stay.StayRuleVersion> builder)
    {
        builder.ToTable("StayRuleVersions");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Json).IsRequired();
        builder.Property(x => x.Changed).HasMaxLength(64);
        builder.HasIndex(x => x.Version).IsUnique();
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.ChangedById).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(x => x.Book);
    }
}
