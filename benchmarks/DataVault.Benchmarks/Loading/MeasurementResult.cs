namespace DataVault.Benchmarks.Loading;

/// <summary>What one child process measured; written as JSON to a file the parent reads.</summary>
internal sealed class MeasurementResult
{
    /// <summary>The measurement: <c>sqlite-vault</c>, <c>sqlite-raw</c>, <c>pg-vault</c>, <c>pg-raw</c>, <c>sqlite-incremental</c>, <c>pg-incremental</c>.</summary>
    public string Kind { get; set; } = "";

    public string Engine { get; set; } = "";

    /// <summary>Lines of the CSV loaded (for raw copies: of the vault they copy).</summary>
    public long Lines { get; set; }

    /// <summary>The timed part, in seconds (for raw copies: the fastest variant).</summary>
    public double Seconds { get; set; }

    /// <summary>What was timed, in words.</summary>
    public string What { get; set; } = "";

    /// <summary>Timed variants (raw copies: single-row and multi-row prepared inserts).</summary>
    public Dictionary<string, double> Variants { get; set; } = [];

    /// <summary>Raw copies: seconds per table within the timed transaction (the COMMIT under its own name).</summary>
    public Dictionary<string, double> TableSeconds { get; set; } = [];

    /// <summary>Rows per vault table after the measurement.</summary>
    public Dictionary<string, long> Rows { get; set; } = [];

    /// <summary>Rows inserted per table by the load (LoadResult.InsertedByTable).</summary>
    public Dictionary<string, long> Inserted { get; set; } = [];

    /// <summary>Where the time of a load went, in order.</summary>
    public List<PhaseTime> Phases { get; set; } = [];

    public MemoryFigures Memory { get; set; } = new();

    /// <summary>The database (file or PostgreSQL database name) the measurement left behind, if kept.</summary>
    public string? Database { get; set; }

    /// <summary>Notes (e.g. the staging writer used).</summary>
    public List<string> Notes { get; set; } = [];
}

/// <summary>One line of a load's time breakdown.</summary>
internal sealed record PhaseTime(string Name, double Seconds, string? Detail = null);

/// <summary>Memory of a child process.</summary>
internal sealed class MemoryFigures
{
    /// <summary>Peak resident set during the measured part (VmHWM, reset just before it through /proc/self/clear_refs), in MB.</summary>
    public double PeakRssMb { get; set; }

    /// <summary>Whether the kernel's peak could be reset before the measured part (otherwise <see cref="PeakRssMb"/> covers the whole child).</summary>
    public bool PeakReset { get; set; }

    /// <summary>Process.PeakWorkingSet64 at the end of the child (the same VmHWM, as .NET reports it), in MB.</summary>
    public double PeakWorkingSetMb { get; set; }

    /// <summary>Resident set just before the measured part, in MB.</summary>
    public double RssBeforeMb { get; set; }

    /// <summary>Highest resident set sampled every 20 ms during the measured part, in MB.</summary>
    public double SampledPeakRssMb { get; set; }

    /// <summary>Highest managed heap size sampled (GC.GetTotalMemory(false)), in MB.</summary>
    public double SampledPeakManagedMb { get; set; }

    /// <summary>Highest committed GC memory sampled, in MB.</summary>
    public double SampledPeakGcCommittedMb { get; set; }

    /// <summary>Bytes allocated on the managed heap during the measured part, in MB.</summary>
    public double AllocatedMb { get; set; }

    public int Gen0 { get; set; }

    public int Gen1 { get; set; }

    public int Gen2 { get; set; }
}
