using Amanat.Core.Auditing;
using Amanat.Core.Security;
using Amanat.Web.Auditing;
using Amanat.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Amanat.Web.Backups;

/// <summary>
/// Backups every <c>Amanat:Backup:EveryHours</c> hours (0: never) into <c>Amanat:Backup:Directory</c>,
/// keeping the newest <c>Amanat:Backup:Keep</c>. They are made sealed or not (nothing is decrypted);
/// audited when the chain can be written. Copy them off the machine: a backup beside the server is seized
/// with it.
/// </summary>
internal sealed partial class ScheduledBackups(BackupMaker maker, KeyVault vault, IServiceScopeFactory scopes, DataDirectory data, IOptions<AmanatOptions> options, ILogger<ScheduledBackups> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.Backup.EveryHours;
        if (every <= 0)
        {
            return;
        }

        // Real hours, not the application's clock: a backup is about the disk, not about case deadlines.
        // Counted from the newest backup in the folder, so a server restarted more often than that still makes them.
        using var timer = new PeriodicTimer(TimeSpan.FromHours(every));
        try
        {
            await Task.Delay(FirstWait(Directory(options.Value.Backup, data), TimeSpan.FromHours(every), DateTime.UtcNow), stoppingToken);
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // the server is stopping
        }
    }

    /// <summary>One backup and the pruning of old ones; failures are logged by type only.</summary>
    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var directory = Directory(options.Value.Backup, data);
            var (path, summary) = await maker.CreateInAsync(directory, null, cancellationToken);
            Prune(directory, options.Value.Backup.Keep);
            if (!vault.IsSealed)
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditEventType.BackupCreated, AuditSource.System, value: summary.Bytes, cancellationToken: CancellationToken.None);
            }

            LogMade(logger, summary.Bytes, summary.Files);
            return path;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e.GetType().Name);
            return null;
        }
    }

    /// <summary>How long until the next backup is due: the period after the newest one, at least ten minutes after a start.</summary>
    public static TimeSpan FirstWait(string directory, TimeSpan every, DateTime nowUtc)
    {
        var newest = System.IO.Directory.Exists(directory)
            ? new DirectoryInfo(directory).GetFiles("amanat-*.amb").Select(f => (DateTime?)f.LastWriteTimeUtc).Max()
            : null;
        var due = newest is { } last ? last + every - nowUtc : TimeSpan.Zero;
        return due > TimeSpan.FromMinutes(10) ? due : TimeSpan.FromMinutes(10);
    }

    public static string Directory(BackupOptions backup, DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(backup);
        ArgumentNullException.ThrowIfNull(data);
        return string.IsNullOrWhiteSpace(backup.Directory) ? data.Combine("backups") : Path.GetFullPath(backup.Directory);
    }

    /// <summary>Keeps the newest <paramref name="keep"/> backups (their names sort by time).</summary>
    public static void Prune(string directory, int keep)
    {
        foreach (var old in new DirectoryInfo(directory).GetFiles("amanat-*.amb").OrderByDescending(f => f.Name, StringComparer.Ordinal).Skip(Math.Max(1, keep)))
        {
            old.Delete();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled backup written: {Bytes} bytes, {Files} evidence files.")]
    private static partial void LogMade(ILogger logger, long bytes, int files);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled backup failed ({Error}).")]
    private static partial void LogFailed(ILogger logger, string error);
}
