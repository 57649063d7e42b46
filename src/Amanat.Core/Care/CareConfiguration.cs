using Amanat.Core.Incidents;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Amanat.Core.Care;

internal sealed class ServiceRecordConfiguration : IEntityTypeConfiguration<ServiceRecord>
{
    public void Configure(EntityTypeBuilder<ServiceRecord> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Code).HasMaxLength(VocabularyEntry.MaxCodeLength).IsRequired();
        builder.IsEncryptedRecord(DataClasses.Incident, "ServiceRecord");
        builder.HasEncrypted(x => x.Provider);
        builder.HasEncrypted(x => x.Note);
        builder.HasEncrypted(x => x.MemberLink).WithBlindIndex<MemberLinkNormaliser>();
        builder.Ignore(x => x.MemberId);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.Code, x.GivenOn });
        builder.HasIndex(x => new { x.GivenOn, x.Code }); // the statistics: services in a period, by code
        builder.HasIndex(x => x.IncidentId);
        builder.HasIndex(x => new { x.Code, x.EndedOn });
        builder.Ignore(x => x.IsOpenStay);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.IsEncryptedRecord(DataClasses.Member, "Referral");
        builder.HasEncrypted(x => x.MemberLink).WithBlindIndex<MemberLinkNormaliser>();
        builder.HasEncrypted(x => x.Note);
        builder.Ignore(x => x.MemberId);
        builder.Ignore(x => x.IsOpen);
        builder.Property(x => x.ServiceCode).HasMaxLength(VocabularyEntry.MaxCodeLength).IsRequired();
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Providers.Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.Status, x.DueOn });
        builder.HasIndex(x => new { x.Status, x.StatusChangedAtUtc, x.ServiceCode }); // the statistics: completed in a period
    }
}
