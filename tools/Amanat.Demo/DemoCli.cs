using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Amanat.Demo;

/// <summary><c>seed --incidents N [--seed S]</c>: invented incidents for demonstrations, tests and benchmarks.</summary>
internal static class DemoCli
{
    public static RootCommand Build(IServiceProvider services)
    {
        var incidents = new Option<int>("--incidents") { Description = "How many incidents to add.", Required = true };
        var seed = new Option<int>("--seed") { Description = "The random seed: the same seed gives the same data.", DefaultValueFactory = _ => 1 };
        var command = new Command("seed", "Add invented incidents (with members, perpetrators, services and history). Refuses a database that holds real records.")
        {
            incidents, seed,
        };
        command.SetAction(async (parse, cancel) =>
        {
            await using var scope = services.CreateAsyncScope();
            return await SeedAsync(scope.ServiceProvider, parse.GetValue(incidents), parse.GetValue(seed), cancel);
        });
        return new RootCommand("Amanat demonstration data (never on a database with real records).") { command };
    }

    private static async Task<int> SeedAsync(IServiceProvider scope, int count, int seed, CancellationToken cancel)
    {
        if (count is < 1 or > DemoSeeder.MaxIncidents)
        {
            return Fail(string.Create(CultureInfo.InvariantCulture, $"--incidents must be between 1 and {DemoSeeder.MaxIncidents:N0}."));
        }

        var seeder = DemoSeeder.Create(scope);
        if (await seeder.HoldsRealRecordsAsync())
        {
            return Fail("This database holds real records (written by someone other than the demo account). Demo data goes only into an empty or demo-only database.");
        }

        var shown = -1;
        var progress = new Progress(p =>
        {
            var percent = p.Done * 100 / p.Total;
            if (percent / 5 != shown / 5 || p.Done == p.Total)
            {
                shown = percent;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Done:N0} of {p.Total:N0} incidents ({percent}%), {p.Done / Math.Max(p.Elapsed.TotalSeconds, 0.001):N0}/s"));
            }
        });
        await seeder.SeedAsync(count, seed, progress, cancel);
        Console.WriteLine($"Added {count.ToString("N0", CultureInfo.InvariantCulture)} demo incidents, written by the disabled account \"{DemoSeeder.AuthorName}\".");
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }

    /// <summary>Reports on the calling thread, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class Progress(Action<DemoSeedProgress> report) : IProgress<DemoSeedProgress>
    {
        public void Report(DemoSeedProgress value) => report(value);
    }
}
