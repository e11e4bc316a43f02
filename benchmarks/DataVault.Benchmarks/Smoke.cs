using System.Reflection;
using BenchmarkDotNet.Configs;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace DataVault.Benchmarks;

/// <summary>
/// <c>smoke</c>: every benchmark (or those of <c>--filter</c>) in-process with a very short job, for CI. Fails if a
/// benchmark fails or if one marked <see cref="ZeroAllocationAttribute"/> allocates. Its timings are indicative only.
/// </summary>
internal static class Smoke
{
    public static int Run(string[] args)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithIterationTime(TimeInterval.FromMilliseconds(100))
            .WithId("Smoke");
        var config = DefaultConfig.Instance.AddJob(job);
        if (!args.Contains("--filter"))
        {
            args = [.. args, "--filter", "*"];
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Smoke).Assembly).Run(args, config).ToList();
        var problems = new List<string>();
        if (summaries.Count == 0)
        {
            problems.Add("No benchmark ran.");
        }

        foreach (var summary in summaries)
        {
            if (summary.HasCriticalValidationErrors)
            {
                problems.Add($"{summary.Title}: critical validation errors.");
            }

            foreach (var report in summary.Reports)
            {
                Check(report, problems);
            }
        }

        Console.WriteLine();
        foreach (var problem in problems)
        {
            Console.WriteLine("SMOKE FAIL: " + problem);
        }

        Console.WriteLine(problems.Count == 0 ? $"SMOKE PASS: {summaries.Sum(s => s.Reports.Length)} benchmarks ran; every zero-allocation benchmark allocated 0 B." : $"SMOKE FAIL: {problems.Count} problem(s).");
        return problems.Count == 0 ? 0 : 1;
    }

    private static void Check(BenchmarkReport report, List<string> problems)
    {
        var name = report.BenchmarkCase.DisplayInfo;
        if (!report.Success || report.ResultStatistics is null)
        {
            problems.Add($"{name} did not run.");
            return;
        }

        if (report.BenchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<ZeroAllocationAttribute>() is not null)
        {
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            if (allocated is null or > 0)
            {
                problems.Add($"{name} allocated {allocated?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} B per operation; it must allocate nothing.");
            }
        }
    }
}
