using Amanat.Core.Security;
using Amanat.Core.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Amanat.Core.Alerts;

internal sealed class AccessCodeConfiguration : IEntityTypeConfiguration<AccessCode>
{
    public void Configure(EntityTypeBuilder<AccessCode> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasIndex(x => x.Serial).IsUnique();
        builder.Property(x => x.CodeIndex).HasMaxLength(32).IsRequired();
        builder.HasIndex(x => x.CodeIndex).IsUnique();
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.IssuedById).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(x => x.IsRevoked);
    }
}

internal sealed class SavedCardConfiguration : IEntityTypeConfiguration<SavedCard>
{
    public void Configure(EntityTypeBuilder<SavedCard> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.HandleHash).HasMaxLength(32).IsRequired();
        builder.HasIndex(x => x.HandleHash).IsUnique();
        builder.HasOne<AccessCode>().WithMany().HasForeignKey(x => x.AccessCodeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(x => x.CategoryCode).HasMaxLength(20);
        builder.Property(x => x.Codes).HasMaxLength(40);
        builder.Property(x => x.CityCode).HasMaxLength(20);
        builder.HasIndex(x => new { x.Status, x.CityCode, x.PublishedAtUtc });
        builder.IsEncryptedRecord(DataClasses.Alert, "Alert");
        builder.HasEncrypted(x => x.Descriptions);
        builder.HasEncrypted(x => x.Phones);
        builder.HasEncrypted(x => x.Plates);
        builder.HasMany(x => x.Incidents).WithOne().HasForeignKey(x => x.AlertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Identifiers).WithOne().HasForeignKey(x => x.AlertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(x => x.CodeList);
        builder.Ignore(x => x.PhoneList);
        builder.Ignore(x => x.PlateList);
        builder.Ignore(x => x.DescriptionsByLanguage);
        builder.Ignore(x => x.When);
    }
}

internal sealed class AlertIncidentConfiguration : IEntityTypeConfiguration<AlertIncident>
{
    public void Configure(EntityTypeBuilder<AlertIncident> builder)
    {
        builder.HasKey(x => new { x.AlertId, x.IncidentId });
        builder.HasOne<Incidents.Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertIdentifierConfiguration : IEntityTypeConfiguration<AlertIdentifier>
{
    public void Configure(EntityTypeBuilder<AlertIdentifier> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Index).HasMaxLength(32).IsRequired();
        builder.HasIndex(x => x.Index);
    }
}
