using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Amanat.Benchmarks -- --filter '*'   (see docs/benchmarks.md)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point.</summary>
public partial class Program;
