using Amanat.Core.Data;
using Amanat.Core.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Statistics;

/// <summary>
/// The <see cref="FactTable"/> of this server: loaded from the <c>IncidentFacts</c> table on first use (the
/// load streams the rows; about a second per 100,000 facts), then kept current by
/// <see cref="StatisticsFacts"/> after each committed change. Changes that come while it loads are applied
/// after the load, so nothing newer is overwritten by something older.
/// </summary>
internal sealed class FactCache(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private readonly Lock sync = new();
    private readonly List<(Guid, IncidentFact?)> pending = [];
    private FactTable table = new();
    private int state; // 0 not loaded, 1 loading, 2 loaded

    public bool IsLoaded => Volatile.Read(ref state) == 2;

    /// <summary>The table, loading it first if needed.</summary>
    public async Task<FactTable> GetAsync(CancellationToken cancellationToken = default)
    {
        if (IsLoaded)
        {
            return table;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            if (IsLoaded)
            {
                return table;
            }

            lock (sync)
            {
                state = 1;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AmanatDbContext>();
            var batch = new List<(Guid, IncidentFact?)>(10_000);
            await foreach (var fact in db.IncidentFacts.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                batch.Add((fact.IncidentId, fact));
                if (batch.Count == batch.Capacity)
                {
                    table.Apply(batch);
                    batch.Clear();
                }
            }

            table.Apply(batch);
            lock (sync)
            {
                table.Apply(pending);
                pending.Clear();
                state = 2;
            }

            return table;
        }
        catch
        {
            lock (sync)
            {
                state = 0;
                pending.Clear();
            }

            throw;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>Committed changes: a fact to add or replace, or null when the incident no longer counts.</summary>
    public void Apply(IReadOnlyCollection<(Guid IncidentId, IncidentFact? Fact)> changes)
    {
        lock (sync)
        {
            switch (state)
            {
                case 1:
                    pending.AddRange(changes);
                    break;
                case 2:
                    table.Apply(changes);
                    break;
                default:
                    break; // not loaded yet: the load will read them from the database
            }
        }
    }

    /// <summary>Forgets everything; the next use loads again (after the database was emptied or restored).</summary>
    public void Reset()
    {
        loading.Wait();
        try
        {
            lock (sync)
            {
                table = new FactTable();
                pending.Clear();
                state = 0;
            }
        }
        finally
        {
            loading.Release();
        }
    }

    public void Dispose()
    {
        loading.Dispose();
        table.Dispose();
    }
}
