using System.Data.Common;
using System.Text;
using Amanat.Core.Auditing;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Web.Backups;
using Amanat.Web.Infrastructure;
using Amanat.Web.Keys;
using Amanat.Web.Tests.Incidents;
using Amanat.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Amanat.Web.Tests.Backups;

/// <summary>
/// A backup taken while the server runs restores onto a fresh data directory (and an empty PostgreSQL
/// database) with identical records, compared field by field, and opens with the key file, the passphrase
/// (a sealed server) or recovery shares; it holds no canary; a cut or altered backup is refused.
/// </summary>
public abstract class BackupTests(AmanatApp app) : IntegrationTest(app)
{
    private const string Canary = "canary-backup-8d41e7";
    private const string Passphrase = "a long passphrase for the backup test";

    [Fact]
    public async Task ABackupRestoresOntoAFreshDirectory_WithIdenticalRecords_AndReadsInARestartedServer()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var fields = Situations.DocumentCheck(App.Today.AddDays(-3 - i), "Гульнара " + i).Where(f => f.Key != "Input.Narrative").Append(new("Input.Narrative", $"{Canary} {i}: забрали паспорт")).ToList();
            ids.Add(await Situations.RecordAsync(coordinator, fields));
        }

        using (var upload = await AttachmentsPageTests.UploadAsync(coordinator, ids[0], TestFiles.Pdf(Canary), "certificate.pdf", "note " + Canary))
        {
            Assert.True(upload.IsSuccessStatusCode || upload.StatusCode == System.Net.HttpStatusCode.Redirect);
        }

        var backups = Directory.CreateTempSubdirectory("amanat-backups-");
        var restored = Path.Combine(Path.GetTempPath(), "amanat-tests", "restored-" + Guid.NewGuid().ToString("N"));
        await using var target = App.Provider == DatabaseProvider.Postgres ? await PostgresDatabase.CreateAsync() : null;
        try
        {
            var messages = new List<string>();
            var (file, summary) = await App.Services.GetRequiredService<BackupMaker>().CreateInAsync(backups.FullName, new Progress(messages), CancellationToken.None);
            Assert.Equal(1, summary.Files);
            Assert.Contains(messages, m => m.StartsWith("database:", StringComparison.Ordinal));
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Canary)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Гульнара")));
            Assert.Equal(summary.AuditHead, BackupRestorer.ReadHeader(file).Header.AuditHead);

            var database = new DatabaseOptions { Provider = App.Provider, ConnectionString = target?.ConnectionString };
            var keyFile = Path.Combine(App.DataDirectory, "keys", "amanat.key");
            var result = await BackupRestorer.RestoreAsync(file, restored, database, new BackupUnlock(KeyFile: keyFile), null, CancellationToken.None);
            Assert.Equal(1, result.Files);

            // Every table, every row, every column: the same values (ciphertexts included) as the running server's.
            var tables = await App.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(t => t.GetTableName()).Where(t => t is not null).Distinct().Order().ToList()));
            var sourceConnection = App.Provider == DatabaseProvider.Postgres
                ? (DbConnection)new NpgsqlConnection(await App.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!)))
                : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(App.DataDirectory, "amanat.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            var copyConnection = App.Provider == DatabaseProvider.Postgres
                ? (DbConnection)new NpgsqlConnection(target!.ConnectionString)
                : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(restored, "amanat.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await using (sourceConnection)
            await using (copyConnection)
            {
                await sourceConnection.OpenAsync();
                await copyConnection.OpenAsync();
                var compared = 0;
                foreach (var table in tables)
                {
                    var before = await RowsAsync(sourceConnection, table!);
                    var after = await RowsAsync(copyConnection, table!);
                    Assert.Equal(before.Count, after.Count);
                    for (var r = 0; r < before.Count; r++)
                    {
                        Assert.Equal(before[r], after[r]);
                        compared += before[r].Count;
                    }
                }

                Assert.True(compared > 100, $"only {compared} fields compared");
            }

            var evidence = Directory.EnumerateFiles(Path.Combine(restored, "attachments"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(restored, "attachments"), f)).Order().ToList();
            Assert.Equal(Directory.EnumerateFiles(Path.Combine(App.DataDirectory, "attachments"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(App.DataDirectory, "attachments"), f)).Order(), evidence);

            // The restored directory runs: a coordinator reads the first incident's story there.
            var settings = new Dictionary<string, string?> { ["Amanat:DataDirectory"] = restored, ["Amanat:Database:ConnectionString"] = target?.ConnectionString };
            await using var second = new AmanatApp(App.Provider, App.Provider == DatabaseProvider.Postgres ? settings : settings.Where(s => s.Value is not null).ToDictionary());
            await ((Xunit.IAsyncLifetime)second).InitializeAsync();
            var reader = await StaffClient.SignInNewAsync(second, StaffRoles.Coordinator);
            var page = await reader.Http.GetStringAsync(new Uri($"/staff/incidents/{ids[0]}", UriKind.Relative));
            Assert.Contains(Canary + " 0", page, StringComparison.Ordinal);
        }
        finally
        {
            backups.Delete(recursive: true);
            if (Directory.Exists(restored))
            {
                Directory.Delete(restored, recursive: true);
            }
        }
    }

    [Fact]
    public async Task ASealedServersBackup_RestoresWithThePassphrase_OrThreeOfFiveShares_AndACutOneIsRefused()
    {
        var backups = Directory.CreateTempSubdirectory("amanat-backups-");
        var directories = new List<string>();
        string Fresh()
        {
            var path = Path.Combine(Path.GetTempPath(), "amanat-tests", "restored-" + Guid.NewGuid().ToString("N"));
            directories.Add(path);
            return path;
        }

        try
        {
            var vault = App.Services.GetRequiredService<KeyVault>();
            const string passphrase = Passphrase;
            vault.UsePassphrase(passphrase);
            var shares = vault.CreateRecoveryShares(3, 5);
            await App.Services.GetRequiredService<Sealing>().SealAsync(AuditSource.System);
            Assert.True(vault.IsSealed);
            var (file, _) = await App.Services.GetRequiredService<BackupMaker>().CreateInAsync(backups.FullName, null, CancellationToken.None);

            if (App.Provider == DatabaseProvider.Sqlite)
            {
                var wrong = Fresh();
                var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => BackupRestorer.RestoreAsync(file, wrong, new DatabaseOptions(), new BackupUnlock("not the passphrase at all"), null, CancellationToken.None));
                Assert.Contains("passphrase", refused.Message, StringComparison.Ordinal);
                Assert.False(File.Exists(Path.Combine(wrong, "keys", "keystore.json"))); // left fresh

                var summary = await BackupRestorer.RestoreAsync(file, Fresh(), new DatabaseOptions(), new BackupUnlock(passphrase), null, CancellationToken.None);
                Assert.Equal("Sqlite", summary.Header.Provider);

                var two = await Assert.ThrowsAsync<InvalidOperationException>(() => BackupRestorer.RestoreAsync(file, Fresh(), new DatabaseOptions(), new BackupUnlock(Shares: [shares[0], shares[3]], NewPassphrase: "a brand new passphrase here"), null, CancellationToken.None));
                Assert.Equal("3 shares are needed; 2 given.", two.Message);
                var recovered = Fresh();
                var sheets = new[] { shares[4], shares[1], shares[2] }.Select(s => RecoverySheet.Read(RecoverySheet.Write(s))).ToList();
                await BackupRestorer.RestoreAsync(file, recovered, new DatabaseOptions(), new BackupUnlock(Shares: sheets, NewPassphrase: "a brand new passphrase here"), null, CancellationToken.None);
                using var reopened = new KeyVault(Path.Combine(recovered, "keys", "keystore.json"), Path.Combine(recovered, "keys", "amanat.key"), TimeProvider.System);
                Assert.Equal(VaultStart.Sealed, reopened.Open(mayCreate: false));
                Assert.True(reopened.TryUnseal("a brand new passphrase here"));

                Assert.Equal(0, (await BackupRestorer.VerifyAsync(file, new BackupUnlock(passphrase), null, CancellationToken.None)).Files);
            }
            else
            {
                await using var target = await PostgresDatabase.CreateAsync();
                await BackupRestorer.RestoreAsync(file, Fresh(), new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = target.ConnectionString }, new BackupUnlock(passphrase), null, CancellationToken.None);
                await using var connection = new NpgsqlConnection(target.ConnectionString);
                await connection.OpenAsync();
                await using var count = new NpgsqlCommand("SELECT count(*) FROM \"AuditEvents\"", connection);
                Assert.True((long)(await count.ExecuteScalarAsync())! > 0);
            }

            var bytes = await File.ReadAllBytesAsync(file);
            var cut = Path.Combine(backups.FullName, "cut.amb");
            await File.WriteAllBytesAsync(cut, bytes[..^40]);
            var cutError = await Assert.ThrowsAnyAsync<Exception>(() => BackupRestorer.VerifyAsync(cut, new BackupUnlock(passphrase), null, CancellationToken.None));
            Assert.Contains("cut short", cutError.Message, StringComparison.Ordinal);
            var altered = Path.Combine(backups.FullName, "altered.amb");
            bytes[^100] ^= 1;
            await File.WriteAllBytesAsync(altered, bytes);
            var alteredError = await Assert.ThrowsAnyAsync<Exception>(() => BackupRestorer.VerifyAsync(altered, new BackupUnlock(passphrase), null, CancellationToken.None));
            Assert.Contains("altered", alteredError.Message, StringComparison.Ordinal);
        }
        finally
        {
            await App.Services.GetRequiredService<Sealing>().UnsealAsync(Passphrase, AuditSource.System, webAddress: null);
            App.Services.GetRequiredService<KeyVault>().UseKeyFile();
            backups.Delete(recursive: true);
            foreach (var directory in directories.Where(Directory.Exists))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task ScheduledBackups_KeepTheNewest_AndAreAudited()
    {
        var directory = Directory.CreateTempSubdirectory("amanat-scheduled-");
        try
        {
            for (var i = 0; i < 3; i++)
            {
                await File.WriteAllTextAsync(Path.Combine(directory.FullName, $"amanat-2020010{i}-000000.amb"), "old");
            }

            var path = await App.Services.GetRequiredService<BackupMaker>().CreateInAsync(directory.FullName, null, CancellationToken.None);
            ScheduledBackups.Prune(directory.FullName, 2);
            Assert.Equal([Path.GetFileName(path.Path), "amanat-20200102-000000.amb"], directory.GetFiles("*.amb").Select(f => f.Name).OrderDescending());
            Assert.NotNull(await App.Services.GetRequiredService<ScheduledBackups>().RunOnceAsync(CancellationToken.None));
            Assert.Equal(1, await App.WithDbAsync(db => db.Set<AuditEvent>().CountAsync(e => e.Type == AuditEventType.BackupCreated && e.Value > 0)));
        }
        finally
        {
            directory.Delete(recursive: true);
            var defaults = Path.Combine(App.DataDirectory, "backups");
            if (Directory.Exists(defaults))
            {
                Directory.Delete(defaults, recursive: true);
            }
        }
    }

    [Fact]
    public async Task AnAdministrator_PrintsRecoverySheets_ThatOpenTheKeys_AndBadNumbersAreExplained()
    {
        var admin = await StaffClient.SignInNewAsync(App, StaffRoles.Admin); // right after another test's seal and unseal: the first sign-in works

        var page = await admin.Http.GetStringAsync(new Uri("/staff/admin/recovery?lang=ru", UriKind.Relative));
        Assert.Contains("Создать листы", page, StringComparison.Ordinal);

        using (var bad = await admin.PostFormAsync("/staff/admin/recovery?lang=ru", new() { ["N"] = "3", ["K"] = "4" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("Выберите от 2 до 10 листов", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var notNumbers = await admin.PostFormAsync("/staff/admin/recovery?lang=ru", new() { ["N"] = "пять", ["K"] = "3" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, notNumbers.StatusCode);
            Assert.DoesNotContain("<pre>", await notNumbers.Content.ReadAsStringAsync(), StringComparison.Ordinal); // nothing made
        }

        using var made = await admin.PostFormAsync("/staff/admin/recovery?lang=ru", new() { ["N"] = "5", ["K"] = "3" });
        var html = await made.Content.ReadAsStringAsync();
        Assert.Equal("no-store", made.Headers.CacheControl?.ToString());
        var sheets = System.Text.RegularExpressions.Regex.Matches(html, "<pre>(?<s>[^<]*)</pre>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["s"].Value)).ToList();
        Assert.Equal(5, sheets.Count);
        var shares = new[] { sheets[4], sheets[0], sheets[2] }.Select(RecoverySheet.Read).ToList();
        var recovery = App.Services.GetRequiredService<KeyVault>().StoreFile.Recovery!;
        Assert.Equal((3, 5, shares[0].SetId), (recovery.K, recovery.N, recovery.SetId));
        var key = Shamir.Combine([.. shares.Select(s => s.Share)]);
        Assert.Equal(32, KeyRing.UnwrapRoot(key, recovery.WrappedRoot).Length);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => KeyRing.UnwrapRoot(Shamir.Combine([shares[0].Share, shares[1].Share]), recovery.WrappedRoot));
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<AuditEvent>().CountAsync(e => e.Type == AuditEventType.RecoverySharesCreated && e.Value == 503)));
    }

    [Fact]
    public async Task AnAdministrator_BacksUpNow_AndSeesTheBackupListedWithItsAuditHead()
    {
        var admin = await StaffClient.SignInNewAsync(App, StaffRoles.Admin);
        var folder = Path.Combine(App.DataDirectory, "backups");
        try
        {
            var empty = await admin.Http.GetStringAsync(new Uri("/staff/admin/backups?lang=uz", UriKind.Relative));
            Assert.Contains("Bu jildda hali zaxira nusxa yoʻq.", empty, StringComparison.Ordinal);
            using var made = await admin.PostFormAsync("/staff/admin/backups?lang=uz", []);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, made.StatusCode);
            var page = await admin.Http.GetStringAsync(new Uri("/staff/admin/backups?lang=uz", UriKind.Relative));
            var file = Assert.Single(Directory.GetFiles(folder, "*.amb"));
            Assert.Contains("Zaxira nusxa yozildi: " + Path.GetFileName(file), page, StringComparison.Ordinal);
            Assert.Contains(BackupRestorer.ReadHeader(file).Header.AuditHead[..16], page, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/staff/admin/backups/", page, StringComparison.Ordinal); // nothing to download here
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<List<List<string>>> RowsAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<List<string>>();
        while (await reader.ReadAsync())
        {
            var row = new List<string>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                row.Add(reader.GetName(i) + "=" + value switch
                {
                    byte[] b => Convert.ToHexString(b),
                    DBNull => "null",
                    DateTime d => d.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                });
            }

            rows.Add(row);
        }

        rows.Sort((a, b) => string.CompareOrdinal(string.Join('|', a), string.Join('|', b)));
        return rows;
    }

    private sealed class Progress(List<string> messages) : IProgress<string>
    {
        public void Report(string value) => messages.Add(value);
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : BackupTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : BackupTests(app);
}
