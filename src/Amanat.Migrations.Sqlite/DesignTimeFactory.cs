using Amanat.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Amanat.Migrations.Sqlite;

/// <summary>Used only by <c>dotnet ef migrations add</c>; the application configures the context itself.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AmanatDbContext>
{
    public AmanatDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AmanatDbContext>()
            .UseSqlite("Data Source=design-time.db", x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
