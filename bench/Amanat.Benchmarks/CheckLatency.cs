using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Amanat.Core.Alerts;
using Amanat.Core.Community;
using Amanat.Core.Data;
using Amanat.Core.Identifiers;
using Amanat.Core.Incidents;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Benchmarks;

/// <summary>
/// The community number check with a million stored alert identifiers, per call: the access code found by
/// its keyed index and its use counted (a write), then the query read as a phone and as a plate, matched
/// through the identifier index against live alerts, and the answer aggregated (<see cref="AlertCheck"/>).
/// Half the calls hit a published number, half miss. Builds the database once, then reuses it.
/// <code>dotnet run -c Release --project bench/Amanat.Benchmarks -- check [identifiers] [calls]</code>
/// With <c>AMANAT_BENCH_POSTGRES</c> set to a connection string, the same on PostgreSQL.
/// </summary>
internal static class CheckLatency
{
    private const int PerAlert = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var identifiers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var calls = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000;
        var postgres = Environment.GetEnvironmentVariable("AMANAT_BENCH_POSTGRES");
        var options = postgres is null
            ? new DbContextOptionsBuilder<AmanatDbContext>().UseSqlite(
                $"Data Source={Path.Combine(Path.GetTempPath(), $"amanat-check-{identifiers}.db")}", x => x.MigrationsAssembly("Amanat.Migrations.Sqlite")).Options
            : new DbContextOptionsBuilder<AmanatDbContext>().UseNpgsql(postgres, x => x.MigrationsAssembly("Amanat.Migrations.Postgres")).Options;
        using var keys = new KeyRing(RandomNumberGenerator.GetBytes(32));
        var phones = Enumerable.Range(0, identifiers / PerAlert).Select(i => "+7701" + (1_000_000 + i).ToString(CultureInfo.InvariantCulture)).ToList();

        await using (var db = new AmanatDbContext(options))
        {
            await db.Database.MigrateAsync();
            if (postgres is null)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            if (await db.AlertIdentifiers.CountAsync() < identifiers)
            {
                await FillAsync(options, keys, identifiers, phones);
            }
        }

        await using var context = new AmanatDbContext(options);
        var stored = await context.AlertIdentifiers.CountAsync();
        var codeText = (await context.AccessCodes.AsNoTracking().FirstAsync()).Serial.ToString(CultureInfo.InvariantCulture);
        var code = await context.AccessCodes.FirstAsync();
        var random = new Random(42);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var found = 0;
        var times = new double[calls];
        for (var i = -1000; i < calls; i++)
        {
            // Half the checks ask for a published number typed the local way, half for one nobody reported.
            var hit = random.Next(2) == 0;
            var number = hit ? "8701" + phones[random.Next(phones.Count)][5..] : "8702" + random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
            var start = Stopwatch.GetTimestamp();
            var card = await context.AccessCodes.SingleAsync(c => c.CodeIndex == code.CodeIndex);
            card.Used(today);
            await context.SaveChangesAsync();
            var answer = await AlertCheck.FindAsync(context, AlertCheck.Indexes(keys, number), today);
            if (i >= 0)
            {
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                found += answer.Found ? 1 : 0;
            }
        }

        Array.Sort(times);
        double P(double q) => times[(int)Math.Min(times.Length - 1, Math.Ceiling(q * times.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(postgres is null ? "SQLite" : "PostgreSQL")}: {stored:N0} alert identifiers; {calls:N0} checks one after another (card {codeText}), {found:N0} found"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p50 {P(0.50):F2} ms, p90 {P(0.90):F2} ms, p99 {P(0.99):F2} ms, max {times[^1]:F2} ms; {calls / times.Sum() * 1000:F0} checks/s on one connection"));
        return 0;
    }

    private static async Task FillAsync(DbContextOptions<AmanatDbContext> options, KeyRing keys, int identifiers, List<string> phones)
    {
        Console.WriteLine($"Building the database: {phones.Count:N0} published alerts, {identifiers:N0} identifiers (once)…");
        var now = DateTime.UtcNow;
        var random = new Random(7);
        var author = new StaffUser("bench", StaffRoles.Coordinator, now) { NormalizedUserName = "BENCH", SecurityStamp = "bench" };
        var incidentIds = new List<Guid>();
        await using (var db = new AmanatDbContext(options))
        {
            db.Users.Add(author);
            await db.SaveChangesAsync();
            db.AccessCodes.Add(new AccessCode(1, BlindIndex.Compute(keys, new AccessCodeNormaliser(), ReadableCode.Create())!, author.Id, null, now));
            for (var i = 0; i < 20_000; i++)
            {
                var incident = Incident.Start(author.Id, now);
                incident.Apply(new IncidentDraft { OccurredOn = DateOnly.FromDateTime(now).AddDays(-random.Next(700)), CityCode = "ALA", UnnamedPeople = 1, Violations = ["CL-PHY"] }, new Dictionary<int, Guid>(), author.Id, now);
                db.Incidents.Add(incident);
                incidentIds.Add(incident.Id);
            }

            await db.SaveChangesAsync();
        }

        string[] cities = ["ALA", "AST", "SHY", "TAL", "KAR"];
        var phone = new PhoneNormaliser();
        var plate = new PlateNormaliser();
        var approver = Guid.CreateVersion7();
        var today = DateOnly.FromDateTime(now);
        for (var done = 0; done < phones.Count; done += 5_000)
        {
            await using var db = new AmanatDbContext(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(done + 5_000, phones.Count); i++)
            {
                var alert = new Alert(author.Id, now);
                var incidents = Enumerable.Range(0, random.Next(1, 4)).Select(_ => incidentIds[random.Next(incidentIds.Count)]).Distinct().ToList();
                alert.Apply(new AlertDraft
                {
                    CategoryCode = "CLI", Codes = [AlertCodes.All[random.Next(AlertCodes.All.Count)]], CityCode = cities[random.Next(cities.Length)],
                    Year = today.Year, Month = today.Month, ExpiresOn = today.AddMonths(random.Next(-2, 12)),
                }, incidents);
                alert.Identifiers.Add(new AlertIdentifier(alert.Id, BlindIndex.Compute(keys, phone, phones[i])!));
                for (var k = 1; k < PerAlert; k++)
                {
                    alert.Identifiers.Add(new AlertIdentifier(alert.Id, BlindIndex.Compute(keys, plate, $"{random.Next(100, 999)} {(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))} {random.Next(1, 20):D2}")!));
                }

                alert.Approve(approver, 2, now);
                if (alert.ExpiresOn >= today)
                {
                    alert.Publish(today, now);
                }

                db.Alerts.Add(alert);
            }

            await db.SaveChangesAsync();
            Console.Write($"\r{Math.Min(done + 5_000, phones.Count) * PerAlert:N0} identifiers");
        }

        Console.WriteLine();
    }
}
