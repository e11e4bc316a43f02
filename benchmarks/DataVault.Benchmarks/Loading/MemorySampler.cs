using System.Diagnostics;
using System.Globalization;

namespace DataVault.Benchmarks.Loading;

/// <summary>
/// Samples the process's memory every 20 ms on a background thread during a measured part, and reads the kernel's
/// peak resident set (VmHWM), which it resets at the start where Linux allows it (<c>/proc/self/clear_refs</c>).
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stop = new();
    private readonly MemoryFigures _figures = new();
    private readonly long _allocatedBefore;
    private readonly int _gen0;
    private readonly int _gen1;
    private readonly int _gen2;
    private long _peakRss;
    private long _peakManaged;
    private long _peakCommitted;

    private MemorySampler()
    {
        _figures.RssBeforeMb = Mb(CurrentRss());
        _figures.PeakReset = TryResetPeak();
        _allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        (_gen0, _gen1, _gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory sampler", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Starts sampling.</summary>
    public static MemorySampler Start()
    {
        // Start from a collected heap so that what the setup left behind does not count.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new MemorySampler();
    }

    /// <summary>Stops sampling and returns the figures.</summary>
    public MemoryFigures Stop()
    {
        if (!_stop.IsSet)
        {
            _stop.Set();
            _thread.Join();
            SampleOnce();
            _figures.SampledPeakRssMb = Mb(_peakRss);
            _figures.SampledPeakManagedMb = Mb(_peakManaged);
            _figures.SampledPeakGcCommittedMb = Mb(_peakCommitted);
            _figures.AllocatedMb = Mb(GC.GetTotalAllocatedBytes(precise: true) - _allocatedBefore);
            _figures.Gen0 = GC.CollectionCount(0) - _gen0;
            _figures.Gen1 = GC.CollectionCount(1) - _gen1;
            _figures.Gen2 = GC.CollectionCount(2) - _gen2;
            _figures.PeakRssMb = Mb(ReadStatusKb("VmHWM:") * 1024);
            using var process = Process.GetCurrentProcess();
            _figures.PeakWorkingSetMb = Mb(process.PeakWorkingSet64);
            if (_figures.PeakRssMb == 0)
            {
                _figures.PeakRssMb = _figures.PeakWorkingSetMb;
            }
        }

        return _figures;
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
    }

    private static double Mb(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1);

    private void Sample()
    {
        while (!_stop.Wait(20))
        {
            SampleOnce();
        }
    }

    private void SampleOnce()
    {
        _peakRss = Math.Max(_peakRss, CurrentRss());
        _peakManaged = Math.Max(_peakManaged, GC.GetTotalMemory(false));
        _peakCommitted = Math.Max(_peakCommitted, GC.GetGCMemoryInfo().TotalCommittedBytes);
    }

    /// <summary>The resident set from /proc/self/statm (pages), or Environment.WorkingSet elsewhere.</summary>
    private static long CurrentRss()
    {
        try
        {
            var fields = File.ReadAllText("/proc/self/statm").Split(' ');
            return long.Parse(fields[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (IOException)
        {
            return Environment.WorkingSet;
        }
        catch (UnauthorizedAccessException)
        {
            return Environment.WorkingSet;
        }
    }

    private static long ReadStatusKb(string field)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }

    /// <summary>Writing 5 to /proc/self/clear_refs resets VmHWM to the current resident set (Linux 4.0+).</summary>
    private static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
