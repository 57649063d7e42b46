using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Amanat.Core.Incidents;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.IsEncryptedRecord(DataClasses.Incident, "Incident");
        builder.HasEncrypted(x => x.PlaceNote);
        builder.HasEncrypted(x => x.Injuries);
        builder.HasEncrypted(x => x.ComplaintNote);
        builder.HasEncrypted(x => x.Narrative);
        foreach (var code in new[] { nameof(Incident.CityCode), nameof(Incident.PlaceCode), nameof(Incident.StationCode), nameof(Incident.ComplaintCode), nameof(Incident.OutcomeCode), nameof(Incident.SourceCode), nameof(Incident.ReliabilityCode) })
        {
            builder.Property(code).HasMaxLength(VocabularyEntry.MaxCodeLength);
        }

        builder.Property(x => x.Currency).HasMaxLength(3);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.AssignedLawyerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(x => x.Violations).WithOne().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Perpetrators).WithOne().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.People).WithOne().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Shares).WithOne().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.OccurredOn);
        builder.HasIndex(x => new { x.CityCode, x.OccurredOn });
        builder.HasIndex(x => new { x.CreatedById, x.OccurredOn });
        builder.HasIndex(x => x.AssignedLawyerId);
        builder.HasIndex(x => x.Status);
        builder.HasIndex(x => new { x.StationCode, x.OccurredOn });
        builder.Ignore(x => x.PeopleCount);
    }
}

internal sealed class IncidentViolationConfiguration : IEntityTypeConfiguration<IncidentViolation>
{
    public void Configure(EntityTypeBuilder<IncidentViolation> builder)
    {
        builder.ToTable("IncidentViolations");
        builder.HasKey(x => new { x.IncidentId, x.Code });
        builder.Property(x => x.Code).HasMaxLength(VocabularyEntry.MaxCodeLength);
        builder.HasIndex(x => x.Code);
    }
}

internal sealed class IncidentShareConfiguration : IEntityTypeConfiguration<IncidentShare>
{
    public void Configure(EntityTypeBuilder<IncidentShare> builder)
    {
        builder.ToTable("IncidentShares");
        builder.HasKey(x => new { x.IncidentId, x.UserId });
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.UserId);
    }
}

internal sealed class PerpetratorConfiguration : IEntityTypeConfiguration<Perpetrator>
{
    public void Configure(EntityTypeBuilder<Perpetrator> builder)
    {
        builder.ToTable("Perpetrators");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.CategoryCode).HasMaxLength(VocabularyEntry.MaxCodeLength).IsRequired();
        builder.Property(x => x.InvolvementCode).HasMaxLength(VocabularyEntry.MaxCodeLength);
        builder.IsEncryptedRecord(DataClasses.Incident, "Perpetrator");
        builder.HasEncrypted(x => x.Name);
        builder.HasEncrypted(x => x.Rank);
        builder.HasEncrypted(x => x.Badge);
        builder.HasEncrypted(x => x.Phones);
        builder.HasEncrypted(x => x.Plate);
        builder.HasEncrypted(x => x.Vehicle);
        builder.HasEncrypted(x => x.Description);
        builder.HasIndex(x => x.CategoryCode);
    }
}

internal sealed class AffectedPersonConfiguration : IEntityTypeConfiguration<AffectedPerson>
{
    public void Configure(EntityTypeBuilder<AffectedPerson> builder)
    {
        builder.ToTable("AffectedPeople");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.IsEncryptedRecord(DataClasses.Incident, "AffectedPerson");
        builder.HasEncrypted(x => x.MemberLink).WithBlindIndex<MemberLinkNormaliser>();
        builder.HasMany(x => x.Consents).WithOne().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(x => x.MemberId);
    }
}

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.ToTable("ConsentRecords");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Scope).HasMaxLength(VocabularyEntry.MaxCodeLength).IsRequired();
        builder.HasIndex(x => new { x.PersonId, x.Scope });
    }
}

internal sealed class IncidentRevisionConfiguration : IEntityTypeConfiguration<IncidentRevision>
{
    public void Configure(EntityTypeBuilder<IncidentRevision> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.IsEncryptedRecord(DataClasses.Incident, "IncidentRevision");
        builder.HasEncrypted(x => x.Changes);
        builder.Property(x => x.Fields).HasMaxLength(4000);
        builder.Property(x => x.Hash).HasMaxLength(32);
        builder.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.IncidentId, x.Version });
    }
}
