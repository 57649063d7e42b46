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

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Entry point.</summary>
public partial class Program;
