using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Amanat.Core.Data;
using Amanat.Core.Identifiers;
using Amanat.Core.Incidents;
using Amanat.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Benchmarks;

/// <summary>
/// Latency of "possibly the same perpetrator" with a million stored identifiers, per call (so p99 means the
/// 99th slowest call in a hundred, not an average of averages as BenchmarkDotNet's iterations would give).
/// Builds (once, then reuses) a SQLite database with the real migrations: <c>incidents</c> incidents and
/// <c>identifiers</c> blind-index rows over four kinds, values shared by a few incidents each and a few
/// values (common names) shared by hundreds. Then times <see cref="PerpetratorMatching.FindAsync"/> for
/// random incidents — the whole lookup behind the detail page's links: the incident's own rows, one indexed
/// lookup per identifier, its station, and the visibility join.
/// <code>dotnet run -c Release --project bench/Amanat.Benchmarks -- match [identifiers] [calls]</code>
/// With <c>AMANAT_BENCH_POSTGRES</c> set to a connection string, the same on PostgreSQL.
/// </summary>
internal static class MatchLatency
{
    private static readonly string[] Kinds = ["phone", "name", "badge", "plate"];
    private static readonly double[] KindShare = [0.4, 0.35, 0.1, 0.15];

    public static async Task<int> RunAsync(string[] args)
    {
        var identifiers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var calls = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000;
        var incidents = identifiers / 4;
        var postgres = Environment.GetEnvironmentVariable("AMANAT_BENCH_POSTGRES");
        var options = postgres is null
            ? new DbContextOptionsBuilder<AmanatDbContext>().UseSqlite(
                $"Data Source={Path.Combine(Path.GetTempPath(), $"amanat-match-{identifiers}.db")}", x => x.MigrationsAssembly("Amanat.Migrations.Sqlite")).Options
            : new DbContextOptionsBuilder<AmanatDbContext>().UseNpgsql(postgres, x => x.MigrationsAssembly("Amanat.Migrations.Postgres")).Options;

        await using (var db = new AmanatDbContext(options))
        {
            await db.Database.MigrateAsync();
            if (await db.PerpetratorIdentifiers.CountAsync() < identifiers)
            {
                await FillAsync(options, incidents, identifiers);
            }
        }

        await using var context = new AmanatDbContext(options);
        var stored = await context.PerpetratorIdentifiers.CountAsync();
        var ids = await context.Incidents.AsNoTracking().Select(x => x.Id).ToListAsync();
        var random = new Random(42);
        var found = 0L;
        var times = new double[calls];
        for (var i = -1000; i < calls; i++)
        {
            var id = ids[random.Next(ids.Count)];
            var incident = await context.Incidents.AsNoTracking().SingleAsync(x => x.Id == id);
            var start = Stopwatch.GetTimestamp();
            var matches = await PerpetratorMatching.FindAsync(context, incident, context.Incidents);
            if (i >= 0)
            {
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                found += matches.Count;
            }
        }

        Array.Sort(times);
        double P(double q) => times[(int)Math.Min(times.Length - 1, Math.Ceiling(q * times.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(postgres is null ? "SQLite" : "PostgreSQL")}: {stored:N0} identifiers over {ids.Count:N0} incidents; {calls:N0} lookups, {found / (double)calls:F1} matches each on average"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p50 {P(0.50):F2} ms, p90 {P(0.90):F2} ms, p99 {P(0.99):F2} ms, max {times[^1]:F2} ms"));
        return 0;
    }

    private static async Task FillAsync(DbContextOptions<AmanatDbContext> options, int incidents, int identifiers)
    {
        Console.WriteLine($"Building the database: {incidents:N0} incidents, {identifiers:N0} identifiers (once)…");
        var now = DateTime.UtcNow;
        var random = new Random(7);
        var author = new StaffUser("bench", StaffRoles.Coordinator, now) { NormalizedUserName = "BENCH", SecurityStamp = "bench" };
        var incidentIds = new List<Guid>(incidents);
        await using (var db = new AmanatDbContext(options))
        {
            db.Users.Add(author);
            await db.SaveChangesAsync();
        }

        for (var done = 0; done < incidents; done += 5000)
        {
            await using var db = new AmanatDbContext(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < Math.Min(5000, incidents - done); i++)
            {
                var occurred = DateOnly.FromDateTime(now).AddDays(-random.Next(730));
                var incident = Incident.Start(author.Id, now);
                incident.Apply(new IncidentDraft
                {
                    OccurredOn = occurred, CityCode = "ALA", UnnamedPeople = 1, Violations = ["ST-DET"],
                    StationCode = random.Next(10) == 0 ? $"DEMO-ALA-{random.Next(1, 40)}" : null,
                }, new Dictionary<int, Guid>(), author.Id, now);
                db.Incidents.Add(incident);
                incidentIds.Add(incident.Id);
            }

            await db.SaveChangesAsync();
        }

        // Values: most shared by one to three incidents; one in a thousand (a common name) by hundreds.
        var values = Kinds.ToDictionary(k => k, _ => new List<byte[]>());
        for (var done = 0; done < identifiers; done += 20_000)
        {
            await using var db = new AmanatDbContext(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < Math.Min(20_000, identifiers - done); i++)
            {
                var roll = random.NextDouble();
                var kind = Kinds[roll < KindShare[0] ? 0 : roll < KindShare[0] + KindShare[1] ? 1 : roll < 0.85 ? 2 : 3];
                var pool = values[kind];
                byte[] index;
                if (pool.Count > 0 && random.NextDouble() < 0.5)
                {
                    index = pool[random.NextDouble() < 0.02 ? random.Next(Math.Min(pool.Count, 50)) : random.Next(pool.Count)];
                }
                else
                {
                    index = RandomNumberGenerator.GetBytes(32);
                    pool.Add(index);
                }

                db.PerpetratorIdentifiers.Add(new PerpetratorIdentifier(incidentIds[random.Next(incidentIds.Count)], Guid.CreateVersion7(), kind, index));
            }

            await db.SaveChangesAsync();
            Console.Write($"\r{done + 20_000:N0} identifiers");
        }

        Console.WriteLine();
    }
}
