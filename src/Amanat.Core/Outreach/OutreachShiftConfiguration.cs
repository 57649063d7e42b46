using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Amanat.Core.Outreach;

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
