using Amanat.Core.Data;
using Amanat.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Browser.Tests.Support;

/// <summary>
/// The SQLite schema, migrated once per test process and copied into each fresh data directory. Only the
/// migrations are not replayed per server: its start still does all the rest of a first start (the migration
/// step finds nothing pending; then the installation, the audit chain's head and the vocabulary seed).
/// </summary>
public static class MigratedTemplate
{
    private static readonly Lazy<string> SqliteFile = new(CreateSqlite);

    /// <summary>Puts a migrated, empty database file into a data directory that has none yet (creating the directory owner-only).</summary>
    public static void CopySqliteInto(string dataDirectory)
    {
        var target = Path.Combine(dataDirectory, DatabaseSetup.SqliteFileName);
        if (File.Exists(target))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataDirectory);
        }
        else
        {
            Directory.CreateDirectory(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        File.Copy(SqliteFile.Value, target);
        DataDirectory.RestrictToOwner(target);
    }

    private static string CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "amanat-browser-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var file = Path.Combine(folder, DatabaseSetup.SqliteFileName);
        var connection = new SqliteConnectionStringBuilder { DataSource = file, ForeignKeys = true, Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<AmanatDbContext>()
            .UseSqlite(connection, x => x.MigrationsAssembly("Amanat.Migrations.Sqlite"))
            .AddInterceptors(DeletedData.SecureDelete)
            .Options;
        using (var db = new AmanatDbContext(options))
        {
            db.Database.Migrate();
        }

        return file;
    }
}
