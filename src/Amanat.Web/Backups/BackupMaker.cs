using System.Diagnostics;
using System.Formats.Tar;
using System.Globalization;
using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Security;
using Amanat.Web.Features.Attachments;
using Amanat.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Amanat.Web.Backups;

/// <summary>What a backup holds once made: its size, how many evidence files, the audit head printed in it.</summary>
internal sealed record BackupSummary(long Bytes, int Files, long AuditSequence, string AuditHead, TimeSpan Took);

/// <summary>
/// Makes one backup file while the server runs (or not, sealed or not): a consistent snapshot of the
/// database (SQLite's online backup; <c>pg_dump</c> for PostgreSQL), the evidence files (already encrypted),
/// and the key store as it is — everything sealed under a fresh content key that only the backup private
/// key opens (ADR-018). Nothing is decrypted to make it, so a sealed server can be backed up.
/// </summary>
internal sealed class BackupMaker(IServiceScopeFactory scopes, DataDirectory data, IOptions<AmanatOptions> options, TimeProvider clock)
{
    public const string DatabaseSqlite = "database/amanat.db";
    public const string DatabasePostgres = "database/postgres.dump";
    public const string AttachmentsPrefix = "attachments/";

    public async Task<BackupSummary> CreateAsync(Stream output, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var timer = Stopwatch.StartNew();
        var store = KeyStoreFile.Load(Path.Combine(data.Subdirectory("keys").FullName, KeyStoreFile.FileName))
            ?? throw new InvalidOperationException("There is no key store in this data directory: nothing to back up.");
        if (store.BackupPublicKey is null)
        {
            throw new InvalidOperationException("This key store has no backup key yet: unseal the server once, then back up.");
        }

        var (sequence, head) = await AuditHeadAsync(cancellationToken);
        var postgres = options.Value.Database.Provider == DatabaseProvider.Postgres;
        var (contentKey, wrapped) = BackupFormat.NewContentKey(store.BackupPublicKey);
        var header = new BackupHeader
        {
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Provider = postgres ? "Postgres" : "Sqlite",
            AuditSequence = sequence,
            AuditHead = head,
            KeyStore = store,
            WrappedContentKey = wrapped,
        };
        var counting = new CountingStream(output);
        var snapshot = data.Combine($"backup-{Guid.NewGuid():N}.tmp");
        var files = 0;
        try
        {
            progress?.Report("database: taking a consistent snapshot…");
            if (postgres)
            {
                await DumpPostgresAsync(snapshot, cancellationToken);
            }
            else
            {
                SnapshotSqlite(snapshot);
            }

            await using (var payload = BackupFormat.Begin(counting, header, contentKey))
            {
                await using var tar = new TarWriter(payload, TarEntryFormat.Pax, leaveOpen: true);
                await tar.WriteEntryAsync(snapshot, postgres ? DatabasePostgres : DatabaseSqlite, cancellationToken);
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"database: {new FileInfo(snapshot).Length / 1_048_576.0:N1} MB"));
                var folder = data.Subdirectory(AttachmentFiles.FolderName);
                var all = folder.EnumerateFiles("*", SearchOption.AllDirectories).ToList();
                foreach (var file in all)
                {
                    await tar.WriteEntryAsync(file.FullName, AttachmentsPrefix + Path.GetRelativePath(folder.FullName, file.FullName).Replace('\\', '/'), cancellationToken);
                    files++;
                    if (files % 500 == 0 || files == all.Count)
                    {
                        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"evidence files: {files:N0} of {all.Count:N0} ({counting.Length / 1_048_576.0:N1} MB written)"));
                    }
                }
            }

            await output.FlushAsync(cancellationToken);
        }
        finally
        {
            OwnerOnlyFile.Destroy(snapshot);
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(contentKey);
        }

        return new BackupSummary(counting.Length, files, sequence, head, timer.Elapsed);
    }

    /// <summary>Writes a backup into a directory as <c>amanat-yyyyMMdd-HHmmss.amb</c> (owner-only), through a temporary name.</summary>
    public async Task<(string Path, BackupSummary Summary)> CreateInAsync(string directory, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The backup folder {directory} cannot be created or written ({e.GetType().Name}).", e);
        }
        var name = Path.Combine(directory, $"amanat-{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}.amb");
        var partial = name + ".partial";
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        BackupSummary summary;
        try
        {
            await using (var file = new FileStream(partial, fileOptions))
            {
                summary = await CreateAsync(file, progress, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(partial, name, overwrite: true);
        }
        catch
        {
            // Nothing half-written is left to be mistaken for a backup.
            File.Delete(partial);
            throw;
        }

        return (name, summary);
    }

    private async Task<(long Sequence, string Head)> AuditHeadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AmanatDbContext>();
        var last = await db.Set<AuditEvent>().AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Mac }).FirstOrDefaultAsync(cancellationToken);
        return last is null ? (0, string.Empty) : (last.Sequence, Convert.ToHexStringLower(last.Mac));
    }

    /// <summary>SQLite's online backup: a consistent copy even while the server writes (WAL included).</summary>
    private void SnapshotSqlite(string target)
    {
        DataDirectory.CreateOwnerOnly(target);
        using var source = new SqliteConnection(DatabaseSetup.ConnectionString(options.Value.Database, data));
        using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        source.Open();
        copy.Open();
        source.BackupDatabase(copy);
    }

    /// <summary><c>pg_dump</c> in its custom format: one transaction's snapshot, consistent while the server writes.</summary>
    private async Task DumpPostgresAsync(string target, CancellationToken cancellationToken)
    {
        DataDirectory.CreateOwnerOnly(target);
        await PostgresTools.RunAsync("pg_dump", DatabaseSetup.ConnectionString(options.Value.Database, data), ["--format=custom", "--no-owner", "--no-privileges", "--file", target], cancellationToken);
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        private long Written { get; set; }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Written += buffer.Length;
        }
    }
}

/// <summary>Runs PostgreSQL's client programs with the connection given by environment (never a password on the command line).</summary>
internal static class PostgresTools
{
    /// <param name="connectionString">Null for a program that reads a file only (<c>pg_restore --list</c>).</param>
    public static async Task RunAsync(string program, string? connectionString, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (connectionString is null)
        {
            await RunAsync(start, program, cancellationToken);
            return;
        }

        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        start.ArgumentList.Add("--dbname");
        start.ArgumentList.Add(connection.Database ?? "postgres");
        start.Environment["PGHOST"] = connection.Host ?? "localhost";
        start.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username ?? "postgres";
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        await RunAsync(start, program, cancellationToken);
    }

    private static async Task RunAsync(ProcessStartInfo start, string program, CancellationToken cancellationToken)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started: is the PostgreSQL client installed?");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {(await errors).Trim()}");
        }
    }
}
