using Amanat.Core.Care;
using Amanat.Core.Incidents;
using Amanat.Core.Members;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Amanat.Core.Data.Configurations;

internal sealed class VocabularyEntryConfiguration : IEntityTypeConfiguration<VocabularyEntry>
{
    public void Configure(EntityTypeBuilder<VocabularyEntry> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Code).HasMaxLength(VocabularyEntry.MaxCodeLength).IsRequired();
        builder.Property(x => x.ParentCode).HasMaxLength(VocabularyEntry.MaxCodeLength);
        foreach (var label in new[] { nameof(VocabularyEntry.LabelEn), nameof(VocabularyEntry.LabelRu), nameof(VocabularyEntry.LabelKk), nameof(VocabularyEntry.LabelUz) })
        {
            builder.Property(label).HasMaxLength(VocabularyEntry.MaxLabelLength).IsRequired();
        }

        builder.HasIndex(x => new { x.Kind, x.Code }).IsUnique();
        builder.Ignore(x => x.IsRetired);
        builder.Ignore(x => x.Labels);
    }
}

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

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Providers.Provider>
{
    public void Configure(EntityTypeBuilder<Providers.Provider> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Name).HasMaxLength(Providers.Provider.MaxNameLength).IsRequired();
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Cost).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.CityCode).HasMaxLength(VocabularyEntry.MaxCodeLength).IsRequired();
        builder.Property(x => x.Languages).HasMaxLength(64);
        foreach (var text in new[] { nameof(Providers.Provider.Address), nameof(Providers.Provider.Contact), nameof(Providers.Provider.Hours), nameof(Providers.Provider.PublicNote), nameof(Providers.Provider.StaffNote) })
        {
            builder.Property(text).HasMaxLength(Providers.Provider.MaxTextLength);
        }

        builder.HasIndex(x => new { x.CityCode, x.Kind });
        builder.Ignore(x => x.IsRetired);
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

internal sealed class OutreachShiftConfiguration : IEntityTypeConfiguration<Outreach.OutreachShift>
{
    public void Configure(EntityTypeBuilder<Outreach.OutreachShift> builder)
    {
        builder.ToTable("OutreachShifts");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.CityCode).HasMaxLength(VocabularyEntry.MaxCodeLength).IsRequired();
        builder.Property(x => x.PlaceCode).HasMaxLength(VocabularyEntry.MaxCodeLength);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.ById).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(x => x.Contacts, contact =>
        {
            contact.ToTable("OutreachContacts");
            contact.WithOwner().HasForeignKey(x => x.ShiftId);
            contact.Property(x => x.Id).ValueGeneratedNever();
            contact.HasKey(x => x.Id);
            contact.Property(x => x.UicIndex).HasMaxLength(BlindIndex.Size).IsRequired();
            contact.HasIndex(x => x.UicIndex);
        });
        builder.HasIndex(x => new { x.Date, x.CityCode });
        builder.Ignore(x => x.KnownNew);
        builder.Ignore(x => x.KnownReturning);
        builder.Ignore(x => x.PeopleReached);
    }
}

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
