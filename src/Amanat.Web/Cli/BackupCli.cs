using System.CommandLine;
using System.Globalization;
using Amanat.Core.Security;
using Amanat.Web.Backups;
using Amanat.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Amanat.Web.Cli;

/// <summary>
/// <c>backup [--out DIR]</c>, <c>backup verify FILE</c> and <c>restore FILE</c>: a backup is made from the
/// files on disk (server running or not, sealed or not); verify and restore open the backup's own keys with
/// its passphrase (read from standard input), its key file, or recovery shares (sheet files; then a new
/// passphrase is asked). Progress goes to standard error.
/// </summary>
internal static class BackupCli
{
    public static Command[] Build(IServiceProvider services)
    {
        var output = new Option<string?>("--out") { Description = "Directory for the backup file (default: Amanat__Backup__Directory, else <data directory>/backups)." };
        var backup = new Command("backup", "Write one encrypted, authenticated backup: database snapshot, evidence files, wrapped keys.") { output };
        backup.SetAction((parse, cancel) => MakeAsync(services, parse.GetValue(output), cancel));

        static Option<string?> KeyFile() => new("--key-file") { Description = "The key file the backup was made with (key-file mode)." };
        static Option<string[]> Shares() => new("--share") { Description = "A recovery share sheet (a text file); give as many as the set needs." };
        var verifyFile = new Argument<string>("file") { Description = "The backup file." };
        var keyFile = KeyFile();
        var shares = Shares();
        var verify = new Command("verify", "Decrypt and check a backup without restoring it; prints its audit chain head.") { verifyFile, keyFile, shares };
        verify.SetAction((parse, cancel) => VerifyAsync(parse.GetValue(verifyFile)!, Unlock(parse.GetValue(verifyFile)!, parse.GetValue(keyFile), parse.GetValue(shares)), cancel));
        backup.Subcommands.Add(verify);

        var restoreFile = new Argument<string>("file") { Description = "The backup file." };
        var restoreKeyFile = KeyFile();
        var restoreShares = Shares();
        var restore = new Command("restore", "Restore a backup onto a fresh data directory (Amanat__DataDirectory) and, for PostgreSQL, an empty database.") { restoreFile, restoreKeyFile, restoreShares };
        restore.SetAction((parse, cancel) => RestoreAsync(services, parse.GetValue(restoreFile)!, Unlock(parse.GetValue(restoreFile)!, parse.GetValue(restoreKeyFile), parse.GetValue(restoreShares)), cancel));
        return [backup, restore];
    }

    private static async Task<int> MakeAsync(IServiceProvider services, string? directory, CancellationToken cancellationToken)
    {
        var data = services.GetRequiredService<DataDirectory>();
        try
        {
            var folder = directory ?? ScheduledBackups.Directory(services.GetRequiredService<IOptions<AmanatOptions>>().Value.Backup, data);
            var (path, summary) = await services.GetRequiredService<BackupMaker>().CreateInAsync(folder, new ConsoleProgress(), cancellationToken);
            Console.WriteLine(path);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{summary.Bytes / 1_048_576.0:N1} MB, {summary.Files:N0} evidence files, {summary.Took.TotalSeconds:N1} s; audit chain head #{summary.AuditSequence} {summary.AuditHead}"));
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return AdminCli.Fail("not backed up: " + e.Message);
        }
    }

    private static async Task<int> VerifyAsync(string file, BackupUnlock? unlock, CancellationToken cancellationToken)
    {
        if (unlock is null)
        {
            return 1;
        }

        try
        {
            var summary = await BackupRestorer.VerifyAsync(file, unlock, new ConsoleProgress(), cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ok: backup of {summary.Header.CreatedAtUtc:yyyy-MM-dd HH:mm} UTC, {summary.DatabaseBytes / 1_048_576.0:N1} MB database, {summary.Files:N0} evidence files; audit chain head #{summary.Header.AuditSequence} {summary.Header.AuditHead}"));
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException or FormatException)
        {
            return AdminCli.Fail("not ok: " + e.Message);
        }
    }

    private static async Task<int> RestoreAsync(IServiceProvider services, string file, BackupUnlock? unlock, CancellationToken cancellationToken)
    {
        if (unlock is null)
        {
            return 1;
        }

        var data = services.GetRequiredService<DataDirectory>();
        var database = services.GetRequiredService<IOptions<AmanatOptions>>().Value.Database;
        try
        {
            var summary = await BackupRestorer.RestoreAsync(file, data.Path, database, unlock, new ConsoleProgress(), cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"restored into {data.Path}: audit chain head #{summary.Header.AuditSequence} {summary.Header.AuditHead} — check it with `audit verify` after the first start."));
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException or FormatException)
        {
            return AdminCli.Fail("not restored: " + e.Message);
        }
    }

    /// <summary>How to open the backup: shares (then a new passphrase), a key file, or the passphrase from standard input.</summary>
    private static BackupUnlock? Unlock(string file, string? keyFile, string[]? shareFiles)
    {
        try
        {
            if (shareFiles is { Length: > 0 })
            {
                var shares = shareFiles.Select(f => RecoverySheet.Read(f == "-" ? Console.In.ReadToEnd() : File.ReadAllText(f))).ToList();
                var chosen = AdminCli.ReadSecret("New passphrase (at least 16 characters): ");
                if (chosen.Length < KeyVault.MinPassphraseLength)
                {
                    AdminCli.Fail($"The new passphrase needs at least {KeyVault.MinPassphraseLength} characters.");
                    return null;
                }

                return new BackupUnlock(Shares: shares, NewPassphrase: chosen);
            }

            if (keyFile is not null)
            {
                return new BackupUnlock(KeyFile: keyFile);
            }

            var (header, _) = BackupRestorer.ReadHeader(file);
            return header.KeyStore.Mode == UnlockMode.Passphrase ? new BackupUnlock(AdminCli.ReadSecret("Passphrase of the backup: ")) : new BackupUnlock();
        }
        catch (Exception e) when (e is FormatException or IOException or InvalidDataException)
        {
            AdminCli.Fail(e.Message);
            return null;
        }
    }

    private sealed class ConsoleProgress : IProgress<string>
    {
        public void Report(string value) => Console.Error.WriteLine(value);
    }
}
