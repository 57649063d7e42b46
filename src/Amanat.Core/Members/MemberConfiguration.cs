using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Amanat.Core.Members;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.IsEncryptedRecord(DataClasses.Member, "Member");
        builder.HasEncrypted(x => x.WorkingName).WithBlindIndex<WorkingNameNormaliser>();
        builder.HasEncrypted(x => x.Contact).WithBlindIndex<ContactNormaliser>();
        builder.HasEncrypted(x => x.Notes);
        builder.Property(x => x.UicIndex).HasMaxLength(BlindIndex.Size);
        builder.HasIndex(x => x.UicIndex);
        builder.Property(x => x.NationalityCode).HasMaxLength(VocabularyEntry.MaxCodeLength);
        builder.Property(x => x.CityCode).HasMaxLength(VocabularyEntry.MaxCodeLength);
        builder.Property(x => x.Languages).HasMaxLength(64);
        builder.Property(x => x.ContactChannel).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.ServicesConsent).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Shares).WithOne().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.CreatedById, x.UpdatedAtUtc });
    }
}

internal sealed class MemberShareConfiguration : IEntityTypeConfiguration<MemberShare>
{
    public void Configure(EntityTypeBuilder<MemberShare> builder)
    {
        builder.ToTable("MemberShares");
        builder.HasKey(x => new { x.MemberId, x.UserId });
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.UserId);
    }
}
