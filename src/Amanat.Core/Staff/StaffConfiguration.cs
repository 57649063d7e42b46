using Amanat.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Amanat.Core.Staff;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Roles).IsRequired();
        builder.Ignore(x => x.IsDisabled);
    }
}

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.UserId, x.EndedAtUtc });
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Name).HasMaxLength(ApiToken.MaxNameLength).IsRequired();
        builder.Property(x => x.SecretHash).HasMaxLength(32).IsRequired();
        builder.HasIndex(x => x.SecretHash).IsUnique();
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(x => x.IsActive);
    }
}

internal sealed class StaffNoticeConfiguration : IEntityTypeConfiguration<StaffNotice>
{
    public void Configure(EntityTypeBuilder<StaffNotice> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.UserId, x.SeenAtUtc });
    }
}

internal sealed class PreservedFormConfiguration : IEntityTypeConfiguration<PreservedForm>
{
    public void Configure(EntityTypeBuilder<PreservedForm> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Path).HasMaxLength(200).IsRequired();
        builder.IsEncryptedRecord(DataClasses.Staff, "PreservedForm");
        builder.HasEncrypted(x => x.Fields);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffUserTokenConfiguration : IEntityTypeConfiguration<StaffUserToken>
{
    public void Configure(EntityTypeBuilder<StaffUserToken> builder)
    {
        builder.IsEncryptedRecord(DataClasses.Staff, "StaffUserToken");
        builder.HasEncrypted(x => x.Value);
    }
}

internal sealed class StaffTelegramLinkConfiguration : IEntityTypeConfiguration<StaffTelegramLink>
{
    public void Configure(EntityTypeBuilder<StaffTelegramLink> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasIndex(x => x.UserId).IsUnique();
        builder.Property(x => x.Language).HasMaxLength(8).IsRequired();
        builder.Property(x => x.CodeHash).HasMaxLength(32);
        builder.HasIndex(x => x.CodeHash);
        builder.IsEncryptedRecord(DataClasses.Staff, "StaffTelegramLink");
        builder.HasEncrypted(x => x.ChatId);
        builder.Ignore(x => x.IsLinked);
        builder.Ignore(x => x.Chat);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
