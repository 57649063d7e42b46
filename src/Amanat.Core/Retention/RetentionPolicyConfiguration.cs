using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Amanat.Core.Retention;

internal sealed class RetentionPolicyConfiguration : IEntityTypeConfiguration<Retention.RetentionPolicy>
{
    public void Configure(EntityTypeBuilder<Retention.RetentionPolicy> builder)
    {
        builder.ToTable("RetentionPolicies");
        builder.HasKey(x => x.Kind);
        builder.Property(x => x.Kind).ValueGeneratedNever();
    }
}
