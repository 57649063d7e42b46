using Amanat.Core.Data;
using Amanat.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Statistics;

/// <summary>
/// Once per installation: gives every incident recorded before the statistics existed its fact (a person's
/// nationality needs the member link, so it waits until the server is unsealed). New and edited incidents
/// get theirs as they are saved.
/// </summary>
internal sealed partial class FactBackfill(KeyVault vault, IServiceScopeFactory scopes, TimeProvider clock, ILogger<FactBackfill> logger) : BackgroundService
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

    /// <summary>True when done (now or before).</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AmanatDbContext>();
        var installation = await db.Installations.SingleOrDefaultAsync(cancellationToken);
        if (installation is null || installation.FactsBuiltAtUtc is not null)
        {
            return installation is not null;
        }

        var facts = scope.ServiceProvider.GetRequiredService<StatisticsFacts>();
        Guid? after = null;
        while (true)
        {
            var ids = await db.Incidents.AsNoTracking().Where(i => after == null || i.Id.CompareTo(after.Value) > 0)
                .OrderBy(i => i.Id).Select(i => i.Id).Take(1000).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            await facts.RefreshAsync(ids);
            db.ChangeTracker.Clear();
            after = ids[^1];
        }

        installation = await db.Installations.SingleAsync(cancellationToken);
        installation.FactsBuilt(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Building the statistics of earlier incidents failed ({Error}); trying again shortly.")]
    private static partial void LogFailed(ILogger logger, string error);
}
