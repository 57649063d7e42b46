using System.Diagnostics;
using System.Globalization;
using Amanat.Core.Statistics;

namespace Amanat.Benchmarks;

/// <summary>
/// The statistics dashboard's figures at scale: <c>N</c> incidents made by the demo generator (the same one
/// as the demo tool (tools/Amanat.Demo): situations, cities, violations, people and their STATS consent, citizenship,
/// reporting delays), their facts loaded into the in-memory <see cref="FactTable"/>, then <c>calls</c>
/// dashboards with random filters (none; city; violation; perpetrator; citizenship; city + violation),
/// each one scan plus the protection of every breakdown, as the page does before drawing.
/// <code>dotnet run -c Release --project bench/Amanat.Benchmarks -- stats [incidents] [calls]</code>
/// </summary>
internal static class StatsLatency
{
    public static Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var calls = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var timer = Stopwatch.StartNew();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var table = DemoFacts.Build(count, today, out var counted);
        var built = timer.Elapsed;
        var memory = GC.GetTotalMemory(forceFullCollection: true) - before;

        var random = new Random(42);
        var filters = new Func<StatFilter, StatFilter>[]
        {
            f => f,
            f => f with { City = "ALA" },
            f => f with { Violation = "ST-DET" },
            f => f with { Perpetrator = "CLI" },
            f => f with { Nationality = "UZ" },
            f => f with { City = "AST", Violation = "ST-EXT" },
        };
        var times = new double[calls];
        var incidents = 0L;
        for (var i = -20; i < calls; i++)
        {
            var to = new DateOnly(today.Year, today.Month, 1);
            var filter = filters[random.Next(filters.Length)](new StatFilter(to.AddMonths(-random.Next(0, 24)), to));
            var start = Stopwatch.GetTimestamp();
            var figures = Figures.Of(table, filter);
            var disclosure = new Disclosure(5, rounded: true);
            foreach (var cells in new[] { figures.ByViolation, figures.ByPerpetrator, figures.ByStation, figures.ByCity, figures.ByNationality })
            {
                disclosure.Table(cells.Select(c => (c.Key, (long)c.Value)), cells.Values.Sum());
            }

            disclosure.Table(figures.ByMonth.Select(m => (m.Key.ToString(CultureInfo.InvariantCulture), (long)m.Value)), figures.Incidents);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i >= 0)
            {
                times[i] = elapsed;
                incidents += figures.Incidents;
            }
        }

        Array.Sort(times);
        double P(double q) => times[Math.Min(times.Length - 1, (int)Math.Ceiling(q * times.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} incidents ({counted:N0} counted with STATS) built in {built.TotalSeconds:N1} s; fact table ≈ {memory / 1_048_576.0:N0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{calls} dashboards (random filter, 1–24 months; {incidents / calls:N0} incidents selected on average): p50 {P(0.5):N1} ms · p95 {P(0.95):N1} ms · p99 {P(0.99):N1} ms · max {times[^1]:N1} ms"));
        return Task.FromResult(0);
    }
}
