using Amanat.Core.Security;
using Amanat.Core.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Amanat.Core.Community;

internal sealed class BotChatConfiguration : IEntityTypeConfiguration<BotChat>
{
    public void Configure(EntityTypeBuilder<BotChat> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.ChatIndex).HasMaxLength(32).IsRequired();
        builder.HasIndex(x => x.ChatIndex).IsUnique();
        builder.Property(x => x.Language).HasMaxLength(8);
        builder.IsEncryptedRecord(DataClasses.Bot, "BotChat");
        builder.HasEncrypted(x => x.ChatId);
        builder.HasEncrypted(x => x.SentMessages);
        builder.HasEncrypted(x => x.State);
        builder.HasEncrypted(x => x.AlertCity);
        builder.Ignore(x => x.MessageIds);
        builder.Ignore(x => x.Awaiting);
    }
}

internal sealed class BotTokenConfiguration : IEntityTypeConfiguration<BotToken>
{
    public void Configure(EntityTypeBuilder<BotToken> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.IsEncryptedRecord(DataClasses.Bot, "BotToken");
        builder.HasEncrypted(x => x.Token);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.SetById).OnDelete(DeleteBehavior.Restrict);
    }
}
