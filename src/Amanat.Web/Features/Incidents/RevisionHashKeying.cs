using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Incidents;

/// <summary>
/// Once, at the first unseal after an upgrade: versions hashed before hashes were keyed (a plain SHA-256 of
/// names, phones and story, which a copy of the database could test guesses against) get their keyed hash,
/// in the versions and in the audit entries, and the audit chain is re-sealed, all in one transaction, and
/// only over a chain that verifies intact. New versions are keyed as they are written.
/// </summary>
internal sealed partial class RevisionHashKeying(KeyVault vault, IServiceScopeFactory scopes, ILogger<RevisionHashKeying> logger) : BackgroundService
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!vault.IsSealed && await RunAsync(stoppingToken))
                {
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.GetType().Name);
            }

            await Task.Delay(Wait, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// True when done for this process: nothing was left to key, or it was keyed now, or the audit chain is
    /// broken (logged once; nothing changed, and the next start tries again).
    /// </summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AmanatDbContext>();
        if (!await db.IncidentRevisions.AnyAsync(r => !r.HashKeyed, cancellationToken)
            && !await db.Set<AuditEvent>().AnyAsync(e => e.DataHash != null && !e.DataHashKeyed, cancellationToken))
        {
            return true;
        }

        var keys = vault.Keys;
        await using var transaction = await scope.ServiceProvider.GetRequiredService<AuditLog>().BeginAsync(AuditSource.System, cancellationToken);
        var entries = await scope.ServiceProvider.GetRequiredService<AuditChain>().KeyDataHashesAsync(digest => IncidentRevision.KeyedHash(keys, digest), cancellationToken);
        if (entries is null)
        {
            LogBrokenChain(logger);
            return true;
        }

        var revisions = 0;
        foreach (var revision in await db.IncidentRevisions.Where(r => !r.HashKeyed).ToListAsync(cancellationToken))
        {
            revision.KeyTheHash(keys);
            revisions++;
        }

        transaction.Add(AuditEventType.RevisionHashesKeyed, value: entries);
        await transaction.CommitAsync(cancellationToken);
        LogKeyed(logger, revisions, entries.Value);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Keyed the hashes of {Revisions} earlier incident versions and {Entries} audit entries; the audit chain was re-sealed.")]
    private static partial void LogKeyed(ILogger logger, int revisions, int entries);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit chain does not verify: the plain hashes of earlier incident versions were not keyed. Run 'amanat audit verify' and resolve the break first.")]
    private static partial void LogBrokenChain(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keying the hashes of earlier incident versions failed ({Error}); trying again shortly.")]
    private static partial void LogFailed(ILogger logger, string error);
}
