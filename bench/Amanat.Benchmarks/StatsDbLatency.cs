using System.Diagnostics;
using System.Globalization;
using Amanat.Core.Care;
using Amanat.Core.Data;
using Amanat.Core.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Benchmarks;

/// <summary>
/// The database side of the dashboard on a database filled by the demo tool (<c>seed</c> of tools/Amanat.Demo): loading every incident's
/// fact into memory (once after a start, as <c>FactCache</c> does), and per view the two SQL counts of the
/// centre's work in the period (services by code, completed referrals by service).
/// <code>dotnet run -c Release --project bench/Amanat.Benchmarks -- statsdb &lt;sqlite file | postgres connection string&gt; [calls]</code>
/// </summary>
internal static class StatsDbLatency
{
    public static async Task<int> RunAsync(string[] args)
    {
        var target = args[1];
        var calls = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300;
        var options = target.Contains("Host=", StringComparison.Ordinal)
            ? new DbContextOptionsBuilder<AmanatDbContext>().UseNpgsql(target).Options
            : new DbContextOptionsBuilder<AmanatDbContext>().UseSqlite($"Data Source={target}").Options;

        await using var db = new AmanatDbContext(options);
        var timer = Stopwatch.StartNew();
        using var table = new FactTable();
        var batch = new List<(Guid, IncidentFact?)>(10_000);
        await foreach (var fact in db.IncidentFacts.AsNoTracking().AsAsyncEnumerable())
        {
            batch.Add((fact.IncidentId, fact));
            if (batch.Count == batch.Capacity)
            {
                table.Apply(batch);
                batch.Clear();
            }
        }

        table.Apply(batch);
        var load = timer.Elapsed;
        var incidents = await db.Incidents.CountAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var random = new Random(42);
        var times = new double[calls];
        for (var i = -10; i < calls; i++)
        {
            var to = new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1);
            var from = new DateOnly(today.Year, today.Month, 1).AddMonths(-random.Next(0, 24));
            var (fromUtc, toUtc) = (from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            var start = Stopwatch.GetTimestamp();
            await db.ServiceRecords.AsNoTracking().Where(s => s.GivenOn >= from && s.GivenOn <= to).GroupBy(s => s.Code).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            await db.Referrals.AsNoTracking().Where(r => r.Status == ReferralStatus.Done && r.StatusChangedAtUtc >= fromUtc && r.StatusChangedAtUtc < toUtc)
                .GroupBy(r => r.ServiceCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            if (i >= 0)
            {
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        Array.Sort(times);
        double P(double q) => times[Math.Min(times.Length - 1, (int)Math.Ceiling(q * times.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{incidents:N0} incidents, {table.Count:N0} facts loaded in {load.TotalSeconds:N1} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"services + referrals counts per view ({calls}, 1–24 months): p50 {P(0.5):N1} ms · p95 {P(0.95):N1} ms · p99 {P(0.99):N1} ms"));
        return 0;
    }
}
