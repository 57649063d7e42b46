using System.Net;
using Amanat.Core.Common;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Tests.Infrastructure;

public abstract class HealthAndDatabaseTests(AmanatApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Health_DatabaseReachable_AnswersHealthyAndNothingElse()
    {
        using var response = await App.Client().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Startup_AppliesEveryMigration_AndRecordsTheInstallationOnce()
    {
        var pending = await App.WithDbAsync(db => db.Database.GetPendingMigrationsAsync());
        var installations = await App.WithDbAsync(db => db.Installations.ToListAsync());

        Assert.Empty(pending);
        var installation = Assert.Single(installations);
        Assert.Equal(7, installation.Id.Version);
    }

    [Fact]
    public async Task Times_AreStoredInUtc_AndReadBackAsUtc()
    {
        var written = new DateTime(2026, 5, 14, 21, 5, 33, DateTimeKind.Utc); // before the test clock starts (TestClock): no other row is earlier
        var id = Guid.CreateVersion7();
        await App.WithDbAsync(async db =>
        {
            db.Installations.Add(new Installation(id, written));
            return await db.SaveChangesAsync();
        });

        var read = await App.WithDbAsync(db => db.Installations.AsNoTracking().SingleAsync(x => x.Id == id));
        var earlier = await App.WithDbAsync(db => db.Installations.CountAsync(x => x.CreatedAtUtc < written));

        Assert.Equal(written, read.CreatedAtUtc);
        Assert.Equal(DateTimeKind.Utc, read.CreatedAtUtc.Kind);
        Assert.Equal(0, earlier);
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : HealthAndDatabaseTests(app)
    {
        [Fact]
        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void DataDirectory_AndDatabaseFiles_AreOwnerOnly()
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(App.DataDirectory));
            var files = Directory.GetFiles(App.DataDirectory, "amanat.db*");
            Assert.Contains(files, f => f.EndsWith("amanat.db", StringComparison.Ordinal));
            Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
        }

        [Fact]
        public async Task Sqlite_UsesWriteAheadLog_AndForeignKeys()
        {
            var journal = await App.ScalarAsync("PRAGMA journal_mode");
            var foreignKeys = await App.ScalarAsync("PRAGMA foreign_keys");

            Assert.Equal("wal", journal);
            Assert.Equal(1L, foreignKeys);
        }
    }

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : HealthAndDatabaseTests(app)
    {
        [Fact]
        public async Task Postgres_StoresTimesAsTimestampWithTimeZone()
        {
            var type = await App.ScalarAsync(
                "SELECT data_type FROM information_schema.columns WHERE table_name = 'Installations' AND column_name = 'CreatedAtUtc'");

            Assert.Equal("timestamp with time zone", type);
        }
    }
}
