using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace DataVault.Benchmarks;

/// <summary>Adds the median (robust on a busy machine) and operations per second (keys or diffs per second) to every table.</summary>
public sealed class BenchmarkConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public BenchmarkConfig()
    {
        AddColumn(StatisticColumn.Median, StatisticColumn.OperationsPerSecond);
    }
}

/// <summary>Marks a benchmark that must allocate nothing; <c>smoke</c> fails if it does.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ZeroAllocationAttribute : Attribute;
