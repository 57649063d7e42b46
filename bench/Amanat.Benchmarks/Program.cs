using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Amanat.Benchmarks -- --filter '*'   (see docs/benchmarks.md)
// dotnet run -c Release --project bench/Amanat.Benchmarks -- match [identifiers] [calls]
if (args is ["match", ..])
{
    return await Amanat.Benchmarks.MatchLatency.RunAsync(args);
}

// dotnet run -c Release --project bench/Amanat.Benchmarks -- check [identifiers] [calls]
if (args is ["check", ..])
{
    return await Amanat.Benchmarks.CheckLatency.RunAsync(args);
}

// dotnet run -c Release --project bench/Amanat.Benchmarks -- stats [incidents] [calls]
if (args is ["stats", ..])
{
    return await Amanat.Benchmarks.StatsLatency.RunAsync(args);
}

// dotnet run -c Release --project bench/Amanat.Benchmarks -- statsdb <sqlite file | postgres connection string> [calls]
if (args is ["statsdb", _, ..])
{
    return await Amanat.Benchmarks.StatsDbLatency.RunAsync(args);
}

// dotnet run -c Release --project bench/Amanat.Benchmarks -- export [incidents]
if (args is ["export", ..])
{
    return await Amanat.Benchmarks.ExportCost.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Amanat.Benchmarks.StatsLatency).Assembly).Run(args);
return 0;
