using System.Formats.Tar;
using System.Globalization;
using Amanat.Core.Security;
using Amanat.Web.Features.Attachments;
using Amanat.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Amanat.Web.Backups;

/// <summary>How the backup's keys are opened: its passphrase, the key file it was made with, or recovery shares (then a new passphrase).</summary>
internal sealed record BackupUnlock(string? Passphrase = null, string? KeyFile = null, IReadOnlyList<RecoveryShare>? Shares = null, string? NewPassphrase = null);

/// <summary>What was restored or verified.</summary>
internal sealed record RestoreSummary(BackupHeader Header, long DatabaseBytes, int Files);

/// <summary>
/// Restores a backup onto a fresh data directory (and, for PostgreSQL, an empty database): opens the
/// backup's own key store with its passphrase, key file or recovery shares, checks every chunk while it
/// streams, writes the database and the evidence files, and leaves the key store in place — sealed again
/// at the next start in passphrase mode. <see cref="VerifyAsync"/> does the same into a throwaway directory
/// and checks the database opens.
/// </summary>
internal static class BackupRestorer
{
    public static async Task<RestoreSummary> RestoreAsync(string backupFile, string dataDirectory, DatabaseOptions database, BackupUnlock unlock, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(unlock);
        var data = new DataDirectory(dataDirectory);
        var keyDirectory = Path.Combine(data.Path, "keys");
        var storePath = Path.Combine(keyDirectory, KeyStoreFile.FileName);
        var sqliteFile = Path.Combine(data.Path, DatabaseSetup.SqliteFileName);
        if (File.Exists(storePath) || File.Exists(sqliteFile) || (Directory.Exists(Path.Combine(data.Path, AttachmentFiles.FolderName)) && Directory.EnumerateFileSystemEntries(Path.Combine(data.Path, AttachmentFiles.FolderName)).Any()))
        {
            throw new InvalidOperationException($"{data.Path} already holds Amanat data: restore onto a fresh data directory.");
        }

        await using var input = File.OpenRead(backupFile);
        var (header, headerHash) = BackupFormat.ReadHeader(input);
        var postgres = header.Provider == "Postgres";
        if (postgres != (database.Provider == DatabaseProvider.Postgres))
        {
            throw new InvalidOperationException($"This backup is of a {header.Provider} database; set Amanat__Database__Provider (and the connection string) to match.");
        }

        if (postgres)
        {
            await EnsureEmptyAsync(DatabaseSetup.ConnectionString(database, data), cancellationToken);
        }

        data.Ensure();
        _ = data.Subdirectory("keys");
        var keyFile = Path.Combine(keyDirectory, "amanat.key");
        try
        {
            using var vault = await OpenVaultAsync(storePath, keyFile, header, unlock, cancellationToken);
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"backup of {header.CreatedAtUtc:yyyy-MM-dd HH:mm} UTC ({header.Provider}); audit chain head #{header.AuditSequence} {header.AuditHead}"));
            long databaseBytes = 0;
            var files = 0;
            await foreach (var entry in EntriesAsync(input, vault, header, headerHash, cancellationToken))
            {
                if (entry.Name is BackupMaker.DatabaseSqlite or BackupMaker.DatabasePostgres)
                {
                    var target = postgres ? data.Combine($"restore-{Guid.NewGuid():N}.tmp") : sqliteFile;
                    databaseBytes = await WriteOwnerOnlyAsync(target, entry.DataStream!, cancellationToken);
                    if (postgres)
                    {
                        try
                        {
                            await PostgresTools.RunAsync("pg_restore", DatabaseSetup.ConnectionString(database, data), ["--no-owner", "--no-privileges", "--exit-on-error", target], cancellationToken);
                        }
                        finally
                        {
                            OwnerOnlyFile.Destroy(target);
                        }
                    }

                    progress?.Report(string.Create(CultureInfo.InvariantCulture, $"database: {databaseBytes / 1_048_576.0:N1} MB restored"));
                }
                else if (entry.Name.StartsWith(BackupMaker.AttachmentsPrefix, StringComparison.Ordinal))
                {
                    var relative = entry.Name[BackupMaker.AttachmentsPrefix.Length..];
                    var folder = Path.GetFullPath(Path.Combine(data.Path, AttachmentFiles.FolderName));
                    var target = Path.GetFullPath(Path.Combine(folder, relative));
                    if (!target.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    {
                        throw new InvalidDataException("The backup names a file outside the evidence folder.");
                    }

                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await WriteOwnerOnlyAsync(target, entry.DataStream!, cancellationToken);
                    if (++files % 500 == 0)
                    {
                        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"evidence files: {files:N0}"));
                    }
                }
            }

            if (unlock.Shares is { Count: > 0 })
            {
                // Opened by recovery shares: the old passphrase may be lost, so a new one wraps the root.
                vault.UsePassphrase(unlock.NewPassphrase ?? throw new InvalidOperationException("A new passphrase is needed after a recovery."));
            }

            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"restored: database and {files:N0} evidence files"));
            return new RestoreSummary(header, databaseBytes, files);
        }
        catch
        {
            OwnerOnlyFile.Destroy(storePath);
            OwnerOnlyFile.Destroy(keyFile);
            OwnerOnlyFile.Destroy(sqliteFile);
            throw;
        }
    }

    /// <summary>Restores into a throwaway directory (SQLite) and checks the database; for PostgreSQL, reads the dump's table of contents.</summary>
    public static async Task<RestoreSummary> VerifyAsync(string backupFile, BackupUnlock unlock, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unlock);
        var scratch = Directory.CreateTempSubdirectory("amanat-verify-");
        try
        {
            (BackupHeader header, _) = ReadHeader(backupFile);
            if (header.Provider == "Postgres")
            {
                return await VerifyPostgresDumpAsync(backupFile, scratch.FullName, unlock, progress, cancellationToken);
            }

            var summary = await RestoreAsync(backupFile, scratch.FullName, new DatabaseOptions(), unlock with { NewPassphrase = unlock.NewPassphrase ?? "verification only, thrown away" }, progress, cancellationToken);
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(scratch.FullName, DatabaseSetup.SqliteFileName), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            var result = (string?)await command.ExecuteScalarAsync(cancellationToken);
            if (result != "ok")
            {
                throw new InvalidDataException("The database in the backup does not pass SQLite's integrity check.");
            }

            progress?.Report("database: integrity check ok");
            return summary;
        }
        finally
        {
            foreach (var file in scratch.EnumerateFiles("*", SearchOption.AllDirectories))
            {
                OwnerOnlyFile.Destroy(file.FullName);
            }

            scratch.Delete(recursive: true);
        }
    }

    public static (BackupHeader Header, byte[] Hash) ReadHeader(string backupFile)
    {
        using var input = File.OpenRead(backupFile);
        return BackupFormat.ReadHeader(input);
    }

    private static async Task<RestoreSummary> VerifyPostgresDumpAsync(string backupFile, string scratch, BackupUnlock unlock, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await using var input = File.OpenRead(backupFile);
        var (header, headerHash) = BackupFormat.ReadHeader(input);
        using var vault = await OpenVaultAsync(Path.Combine(scratch, KeyStoreFile.FileName), Path.Combine(scratch, "amanat.key"), header, unlock, cancellationToken);
        long bytes = 0;
        var files = 0;
        await foreach (var entry in EntriesAsync(input, vault, header, headerHash, cancellationToken))
        {
            if (entry.Name == BackupMaker.DatabasePostgres)
            {
                var dump = Path.Combine(scratch, "postgres.dump");
                bytes = await WriteOwnerOnlyAsync(dump, entry.DataStream!, cancellationToken);
                await PostgresTools.RunAsync("pg_restore", null, ["--list", dump], cancellationToken);
            }
            else
            {
                await entry.DataStream!.CopyToAsync(Stream.Null, cancellationToken);
                files++;
            }
        }

        progress?.Report("database: the dump's table of contents reads");
        return new RestoreSummary(header, bytes, files);
    }

    /// <summary>The backup's key store written where the vault reads it (with the key file, if given), opened.</summary>
    private static async Task<KeyVault> OpenVaultAsync(string storePath, string keyFile, BackupHeader header, BackupUnlock unlock, CancellationToken cancellationToken)
    {
        header.KeyStore.Save(storePath);
        if (unlock.KeyFile is not null)
        {
            OwnerOnlyFile.Write(keyFile, await File.ReadAllBytesAsync(unlock.KeyFile, cancellationToken));
        }

        var vault = new KeyVault(storePath, keyFile, TimeProvider.System);
        try
        {
            Open(vault, unlock);
            return vault;
        }
        catch
        {
            vault.Dispose();
            throw;
        }
    }

    /// <summary>The backup's entries with content, decrypted and authenticated chunk by chunk as they are read.</summary>
    private static async IAsyncEnumerable<TarEntry> EntriesAsync(Stream input, KeyVault vault, BackupHeader header, byte[] headerHash, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var contentKey = OpenContentKey(vault, header);
        try
        {
            await using var payload = BackupFormat.Open(input, contentKey, headerHash);
            await using var tar = new TarReader(payload);
            while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (entry.DataStream is not null)
                {
                    yield return entry;
                }
            }
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(contentKey);
        }
    }

    private static void Open(KeyVault vault, BackupUnlock unlock)
    {
        if (vault.Open(mayCreate: false) == VaultStart.Unsealed)
        {
            return; // key-file mode with its key file
        }

        if (unlock.Shares is { Count: > 0 } shares)
        {
            if (vault.TryUnsealWithShares(shares) is { } why)
            {
                throw new InvalidOperationException(why);
            }

            return;
        }

        if (vault.Mode == UnlockMode.KeyFile)
        {
            throw new InvalidOperationException("This backup was made in key-file mode: give its key file (--key-file) or recovery shares (--share).");
        }

        if (unlock.Passphrase is null || !vault.TryUnseal(unlock.Passphrase))
        {
            throw new InvalidOperationException("The passphrase does not open this backup.");
        }
    }

    private static byte[] OpenContentKey(KeyVault vault, BackupHeader header)
    {
        using var privateKey = vault.BackupPrivateKey();
        return BackupFormat.OpenContentKey(privateKey, header.WrappedContentKey);
    }

    private static async Task<long> WriteOwnerOnlyAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var file = new FileStream(path, options);
        await content.CopyToAsync(file, cancellationToken);
        return file.Length;
    }

    private static async Task EnsureEmptyAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        if ((long)(await command.ExecuteScalarAsync(cancellationToken))! > 0)
        {
            throw new InvalidOperationException("The PostgreSQL database to restore into is not empty: create a new, empty one.");
        }
    }
}
