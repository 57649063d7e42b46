using Amanat.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Amanat.Migrations.Postgres;

/// <summary>Used only by <c>dotnet ef migrations add</c>; no server is contacted while adding a migration.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AmanatDbContext>
{
    public AmanatDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AmanatDbContext>()
            .UseNpgsql("Host=localhost;Database=amanat_design", x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
