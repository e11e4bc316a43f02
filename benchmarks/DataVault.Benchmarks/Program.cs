using BenchmarkDotNet.Running;
using DataVault.Benchmarks;

// dotnet run -c Release --project benchmarks/DataVault.Benchmarks -- targets   the performance targets, PASS/FAIL (--openssl-seconds N)
// dotnet run -c Release --project benchmarks/DataVault.Benchmarks -- smoke     every benchmark, in-process, very short (CI)
// dotnet run -c Release --project benchmarks/DataVault.Benchmarks -- load        loading benchmarks (issue 4), PASS/FAIL (--lines, --engines, --incremental)
// dotnet run -c Release --project benchmarks/DataVault.Benchmarks -- load-smoke  20,000 lines into SQLite and the raw copy (CI)
// dotnet run -c Release --project benchmarks/DataVault.Benchmarks -- --filter '*HashKey*'   BenchmarkDotNet as usual
switch (args.FirstOrDefault())
{
    case "targets":
        return Targets.Run(args[1..]);
    case "smoke":
        return Smoke.Run(args[1..]);
    case "load":
        return DataVault.Benchmarks.Loading.LoadBenchmark.Run(args[1..]);
    case "load-smoke":
        return DataVault.Benchmarks.Loading.LoadBenchmark.Smoke(args[1..]);
    case "load-child":
        return await DataVault.Benchmarks.Loading.ChildProcess.ChildMainAsync(args[1..]);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
}
