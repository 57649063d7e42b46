using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Amanat.Core.Security;

internal sealed class RecordKeyConfiguration : IEntityTypeConfiguration<RecordKey>
{
    public void Configure(EntityTypeBuilder<RecordKey> builder)
    {
        builder.HasKey(x => x.OwnerId);
        builder.Property(x => x.OwnerId).ValueGeneratedNever();
        builder.Property(x => x.DataClass).HasMaxLength(32).IsRequired();
        builder.Property(x => x.WrappedKey).HasMaxLength(Aead.NonceSize + KeyRing.KeySize + Aead.TagSize).IsRequired();
        builder.HasIndex(x => x.Version);
    }
}
