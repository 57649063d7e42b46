using Amanat.Core.Auditing;
using Amanat.Core.Common;
using Amanat.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Amanat.Web.Infrastructure;

/// <summary>Chooses the database provider from configuration and brings the schema up to date at start-up.</summary>
internal static class DatabaseSetup
{
    public const string SqliteFileName = "amanat.db";

    public static IServiceCollection AddAmanatDatabase(this IServiceCollection services)
    {
        services.AddDbContext<AmanatDbContext>((provider, builder) =>
        {
            var options = provider.GetRequiredService<IOptions<AmanatOptions>>().Value;
            var connectionString = ConnectionString(options.Database, provider.GetRequiredService<DataDirectory>());
            builder.AddInterceptors(provider.GetRequiredService<Amanat.Core.Security.FieldEncryptionInterceptor>(), provider.GetRequiredService<Amanat.Web.Features.Statistics.ActivityCountsInterceptor>());
            // The interceptor is one instance per host, hence one EF service provider per host: harmless for the one
            // host of a server, but the test process starts dozens of hosts.
            builder.ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning));
            switch (options.Database.Provider)
            {
                case DatabaseProvider.Sqlite:
                    builder.UseSqlite(connectionString, x => x.MigrationsAssembly("Amanat.Migrations.Sqlite"));
                    builder.AddInterceptors(DeletedData.SecureDelete);
                    break;
                case DatabaseProvider.Postgres:
                    builder.UseNpgsql(connectionString, x => x.MigrationsAssembly("Amanat.Migrations.Postgres"));
                    break;
                default:
                    throw new InvalidOperationException($"Unknown database provider '{options.Database.Provider}'.");
            }
        });
        return services;
    }

    internal static string ConnectionString(DatabaseOptions database, DataDirectory dataDirectory)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(database.ConnectionString)
                ? throw new InvalidOperationException("Amanat__Database__ConnectionString is required when the provider is Postgres.")
                : database.ConnectionString;
        }

        var builder = new SqliteConnectionStringBuilder(database.ConnectionString ?? string.Empty);
        if (string.IsNullOrEmpty(builder.DataSource))
        {
            builder.DataSource = dataDirectory.Combine(SqliteFileName);
        }

        builder.ForeignKeys = true;
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>Applies pending migrations, switches SQLite to WAL and records the installation once.</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AmanatDbContext>();
        var sqliteFile = db.Database.IsSqlite()
            ? new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource
            : null;
        if (sqliteFile is not null)
        {
            // SQLite gives its -wal and -shm files the database file's permissions: create it owner-only.
            DataDirectory.CreateOwnerOnly(sqliteFile);
        }

        await db.Database.MigrateAsync(cancellationToken);

        if (sqliteFile is not null)
        {
            // WAL is a property of the file: set once, it stays.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                DataDirectory.RestrictToOwner(file);
            }
        }

        await SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
    }

    /// <summary>What a first start adds to an empty, migrated database: the audit chain's head, the installation, the vocabularies.</summary>
    public static async Task SeedAsync(AmanatDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Set<AuditHead>().AnyAsync(cancellationToken))
        {
            db.Add(AuditHead.Genesis());
        }

        if (!await db.Installations.AnyAsync(cancellationToken))
        {
            db.Installations.Add(Installation.Create(clock));
        }

        await db.SaveChangesAsync(cancellationToken);
        await Amanat.Core.Vocabularies.VocabularySeed.ApplyAsync(db, cancellationToken);
    }
}
