using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Amanat.Core.SelfReports;

internal sealed class SelfReportConfiguration : IEntityTypeConfiguration<SelfReport>
{
    public void Configure(EntityTypeBuilder<SelfReport> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.ReferenceHash).HasMaxLength(32).IsRequired();
        builder.HasIndex(x => x.ReferenceHash).IsUnique();
        builder.Property(x => x.Channel).HasConversion<string>().HasMaxLength(8);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(x => x.DiscardReason).HasMaxLength(20);
        builder.HasIndex(x => new { x.Status, x.ReceivedAtUtc });
        builder.HasMany(x => x.Contacts).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Incidents.Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(x => x.IsReviewed);
    }
}

internal sealed class SelfReportContactConfiguration : IEntityTypeConfiguration<SelfReportContact>
{
    public void Configure(EntityTypeBuilder<SelfReportContact> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
    }
}
