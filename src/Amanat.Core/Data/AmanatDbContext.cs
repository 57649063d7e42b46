using Amanat.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Core.Data;

/// <summary>
/// The one model for both databases (SQLite embedded, PostgreSQL by configuration). Each provider has
/// its own migrations project; the provider is chosen at start-up.
/// </summary>
public sealed class AmanatDbContext(DbContextOptions<AmanatDbContext> options) : DbContext(options)
{
    public DbSet<Installation> Installations => Set<Installation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AmanatDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored times are UTC on both providers; reading them back marks them as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
