using Amanat.Core.Data;
using Amanat.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Amanat.Web.Tests.Support;

/// <summary>
/// The schema, migrated once per test process and copied for each fresh test server: a SQLite file copied into
/// its data directory, or a PostgreSQL database created with it as the template. Only the migrations are not
/// replayed per server: the server's start still does all the rest of a first start (the migration step finds
/// nothing pending; then the installation, the audit chain's head and the vocabulary seed).
/// </summary>
public static class MigratedTemplate
{
    private static readonly Lazy<Task<string>> SqliteFile = new(CreateSqliteAsync);
    private static readonly Lazy<Task<string>> PostgresName = new(CreatePostgresAsync);
    private static readonly SemaphoreSlim PostgresCopies = new(1, 1);

    /// <summary>Puts a migrated, empty database file into a data directory that has none yet (creating the directory owner-only).</summary>
    public static async Task CopySqliteIntoAsync(string dataDirectory)
    {
        var target = Path.Combine(dataDirectory, DatabaseSetup.SqliteFileName);
        if (File.Exists(target))
        {
            return;
        }

        var template = await SqliteFile.Value;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataDirectory);
        }
        else
        {
            Directory.CreateDirectory(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        File.Copy(template, target);
        DataDirectory.RestrictToOwner(target);
    }

    /// <summary>Creates a database on the test server as a copy of the migrated template.</summary>
    public static async Task CreatePostgresCopyAsync(string serverConnectionString, string name)
    {
        var template = await PostgresName.Value;
        await PostgresCopies.WaitAsync();
        try
        {
            await ExecuteOnServerAsync(serverConnectionString, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            PostgresCopies.Release();
        }
    }

    private static async Task<string> CreateSqliteAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "amanat-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var file = Path.Combine(folder, DatabaseSetup.SqliteFileName);
        var connection = new SqliteConnectionStringBuilder { DataSource = file, ForeignKeys = true, Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<AmanatDbContext>()
            .UseSqlite(connection, x => x.MigrationsAssembly("Amanat.Migrations.Sqlite"))
            .AddInterceptors(DeletedData.SecureDelete)
            .Options;
        await using (var db = new AmanatDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        return file;
    }

    private static async Task<string> CreatePostgresAsync()
    {
        var server = PostgresDatabase.ServerConnectionString();
        var name = "amanat_template_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync(server, $"CREATE DATABASE \"{name}\"");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ExecuteOnServerAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<AmanatDbContext>()
            .UseNpgsql(connection, x => x.MigrationsAssembly("Amanat.Migrations.Postgres"))
            .Options;
        await using (var db = new AmanatDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        return name;
    }

    private static async Task ExecuteOnServerAsync(string serverConnectionString, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
