using Amanat.Core.Incidents;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Amanat.Core.Attachments;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachments.Attachment>
{
    public void Configure(EntityTypeBuilder<Attachments.Attachment> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        builder.IsEncryptedRecord(DataClasses.Incident, "Attachment");
        builder.HasEncrypted(x => x.Sha256);
        builder.HasEncrypted(x => x.UploadedName);
        builder.HasEncrypted(x => x.Note);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UploadedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.IncidentId, x.UploadedAtUtc });
        builder.Ignore(x => x.HasViewingCopy);
    }
}
