using Amanat.Core.Care;
using Amanat.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Amanat.Web.Features.Statistics;

/// <summary>
/// The centre's work per day and code — services given, referrals completed — kept in memory for the
/// dashboard (a few thousand numbers), so that a view sums them instead of counting hundreds of thousands
/// of rows. Read again from the database at the first view after any service or referral was saved.
/// </summary>
internal sealed class ActivityCounts : IDisposable
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile bool dirty = true;
    private Snapshot current = new([], []);

    /// <summary>Services given and referrals completed from <paramref name="from"/> to <paramref name="to"/> (days, inclusive), by code.</summary>
    public async Task<(Dictionary<string, int> Services, Dictionary<string, int> Referrals)> InAsync(AmanatDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (dirty)
        {
            await ReloadAsync(db, cancellationToken);
        }

        var snapshot = current;
        return (Sum(snapshot.Services, from, to), Sum(snapshot.Referrals, from, to));
    }

    public void Invalidate() => dirty = true;

    public void Dispose() => loading.Dispose();

    private async Task ReloadAsync(AmanatDbContext db, CancellationToken cancellationToken)
    {
        await loading.WaitAsync(cancellationToken);
        try
        {
            if (!dirty)
            {
                return;
            }

            dirty = false; // a save during the reload sets it again
            var services = await db.ServiceRecords.AsNoTracking().GroupBy(s => new { s.GivenOn, s.Code })
                .Select(g => new { g.Key.GivenOn, g.Key.Code, Count = g.Count() }).ToListAsync(cancellationToken);
            var referrals = await db.Referrals.AsNoTracking().Where(r => r.Status == ReferralStatus.Done)
                .Select(r => new { r.StatusChangedAtUtc, r.ServiceCode }).ToListAsync(cancellationToken);
            current = new Snapshot(
                services.Select(s => (s.GivenOn.DayNumber, s.Code, s.Count)).ToList(),
                referrals.GroupBy(r => (DateOnly.FromDateTime(r.StatusChangedAtUtc).DayNumber, r.ServiceCode)).Select(g => (g.Key.DayNumber, g.Key.ServiceCode, g.Count())).ToList());
        }
        catch
        {
            dirty = true;
            throw;
        }
        finally
        {
            loading.Release();
        }
    }

    private static Dictionary<string, int> Sum(List<(int Day, string Code, int Count)> counts, DateOnly from, DateOnly to)
    {
        var (first, last) = (from.DayNumber, to.DayNumber);
        var sums = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (day, code, count) in counts)
        {
            if (day >= first && day <= last)
            {
                sums[code] = sums.GetValueOrDefault(code) + count;
            }
        }

        return sums;
    }

    private sealed record Snapshot(List<(int Day, string Code, int Count)> Services, List<(int Day, string Code, int Count)> Referrals);
}

/// <summary>Marks the activity counts out of date when a service or a referral is saved: before the save, and again once it is written.</summary>
internal sealed class ActivityCountsInterceptor(ActivityCounts counts) : SaveChangesInterceptor
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> Pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData);
        return ValueTask.FromResult(result);
    }

    private void Saving(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && context.ChangeTracker.Entries().Any(e => e.Entity is ServiceRecord or Referral && e.State != EntityState.Unchanged))
        {
            Pending.AddOrUpdate(context, Pending);
            counts.Invalidate();
        }
    }

    private void Saved(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && Pending.Remove(context))
        {
            counts.Invalidate();
        }
    }
}
