using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Security;
using Amanat.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Amanat.Web.Keys;

/// <summary>
/// Key rotation (<c>keys rotate</c>, or the keys page): a new generation of data-class keys wraps every
/// record key made from then on, and this background service re-wraps the existing record keys in batches.
/// Values are never re-encrypted — each is under its record's own key, which does not change — so reading
/// works throughout, with both generations in memory. Each record key carries its generation, so the work
/// resumes where it stopped after a restart or a seal. When no record key needs an older generation, that
/// generation's salt is destroyed (backups carry their own key store and stay restorable).
/// </summary>
internal sealed partial class KeyRotation(KeyVault vault, IServiceScopeFactory scopes, IOptions<AmanatOptions> options, ILogger<KeyRotation> logger) : BackgroundService
{
    public const int BatchSize = 1_000;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim wake = new(0);
    private readonly SemaphoreSlim running = new(1, 1);

    /// <summary>Adds the new generation (audited) and wakes the worker; the new version is returned.</summary>
    public async Task<int> StartAsync(AuditSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var version = vault.AddDataKeyGeneration();
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditEventType.KeyRotationStarted, source, value: version);
        }

        LogStarted(logger, version);
        wake.Release();
        return version;
    }

    /// <summary>How far the re-wrapping is: record keys in all, and those still under an older generation.</summary>
    public async Task<RotationProgress> ProgressAsync(CancellationToken cancellationToken = default)
    {
        var versions = vault.DataKeyVersions;
        var current = versions[^1];
        await using var scope = scopes.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<AmanatDbContext>().RecordKeys;
        var total = await keys.CountAsync(cancellationToken);
        var left = versions.Count > 1 ? await keys.CountAsync(k => k.Version < current, cancellationToken) : 0;
        return new RotationProgress(current, versions.Count > 1, total, left);
    }

    /// <summary>
    /// Re-wraps record keys under the current generation until none is left (or <paramref name="maxBatches"/>
    /// batches are done), then destroys the older generations. Returns how many were re-wrapped. Needs the
    /// unsealed root; one run at a time.
    /// </summary>
    public async Task<int> RunAsync(int maxBatches = int.MaxValue, int batchSize = BatchSize, CancellationToken cancellationToken = default)
    {
        await running.WaitAsync(cancellationToken);
        try
        {
            if (vault.DataKeyVersions.Count < 2)
            {
                return 0;
            }

            var current = vault.Keys.CurrentDataVersion;
            var done = 0;
            for (var batch = 0; batch < maxBatches; batch++)
            {
                var count = await RewrapBatchAsync(current, batchSize, cancellationToken);
                if (count == 0)
                {
                    await FinishAsync(current, cancellationToken);
                    break;
                }

                done += count;
            }

            return done;
        }
        finally
        {
            running.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Keys.RotateInBackground)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!vault.IsSealed && vault.DataKeyVersions.Count > 1)
                {
                    try
                    {
                        await RunAsync(cancellationToken: stoppingToken);
                    }
                    catch (SealedException)
                    {
                        // sealed in the middle: the rest waits for the next unseal
                    }
                    catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
                    {
                        LogFailed(logger, e.GetType().Name);
                    }
                }

                await wake.WaitAsync(Idle, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // the server is stopping; the rotation resumes at the next start
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        running.Dispose();
        base.Dispose();
    }

    private async Task<int> RewrapBatchAsync(int current, int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AmanatDbContext>();
        // In the order of the index on Version: the next rows still to do, without sorting all of them each time.
        var batch = await db.RecordKeys.Where(k => k.Version < current).OrderBy(k => k.Version).Take(batchSize).ToListAsync(cancellationToken);
        var keys = vault.Keys;
        foreach (var key in batch)
        {
            key.Rewrap(keys);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A member or incident was forgotten meanwhile: its key row is gone. The next batch reads afresh.
            return batch.Count == 0 ? 0 : await RewrapBatchAsync(current, batchSize, cancellationToken);
        }

        return batch.Count;
    }

    private async Task FinishAsync(int current, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AmanatDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        if (await db.RecordKeys.AnyAsync(k => k.Version < current, cancellationToken))
        {
            return; // written under the old generation just as the last batch was read: the next run takes it
        }

        var total = await db.RecordKeys.CountAsync(cancellationToken);
        await audit.RecordAsync(AuditEventType.KeyRotationFinished, AuditSource.System, value: total, cancellationToken: cancellationToken);
        foreach (var old in vault.DataKeyVersions.Where(v => v < current))
        {
            vault.DestroyGeneration(old);
            await audit.RecordAsync(AuditEventType.KeyGenerationDestroyed, AuditSource.System, value: old, cancellationToken: cancellationToken);
            LogDestroyed(logger, old);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Key rotation started: data-key generation {Version} wraps new record keys.")]
    private static partial void LogStarted(ILogger logger, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Data-key generation {Version} destroyed: no record key needs it any more.")]
    private static partial void LogDestroyed(ILogger logger, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key rotation paused ({Error}); it resumes on its own.")]
    private static partial void LogFailed(ILogger logger, string error);
}

/// <summary>Where a rotation stands: the current generation, whether older ones remain, record keys in all and still to re-wrap.</summary>
internal sealed record RotationProgress(int Version, bool Running, int Total, int Left)
{
    public int Done => Total - Left;
}
