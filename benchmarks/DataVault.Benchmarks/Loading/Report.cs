using System.Globalization;

namespace DataVault.Benchmarks.Loading;

/// <summary>Collects the measurements, row-count checks and targets of a run and prints them as Markdown tables.</summary>
internal sealed class Report
{
    private readonly List<(string Label, MeasurementResult Result)> _results = [];
    private readonly List<(string Target, string Measured, string Required, bool? Pass)> _targets = [];
    private readonly List<string> _problems = [];
    private readonly List<string> _checks = [];

    public IEnumerable<MeasurementResult> Results => _results.Select(r => r.Result);

    /// <summary>Whether a target failed or something went wrong.</summary>
    public bool Failed => _problems.Count > 0 || _targets.Any(t => t.Pass == false);

    public void Add(MeasurementResult result, string? label = null) =>
        _results.Add((label ?? $"{result.Kind}, {result.Lines:N0} lines", result));

    public void Problem(string message) => _problems.Add(message);

    public void Target(string target, string measured, string required, bool? pass) => _targets.Add((target, measured, required, pass));

    public void Ratio(string target, MeasurementResult vault, MeasurementResult raw, bool verdict = true)
    {
        var ratio = vault.Seconds / raw.Seconds;
        Target(target, $"{ratio:0.00}× (load {vault.Seconds:0.00} s, raw {raw.Seconds:0.00} s)", $"≤ 2.0×", verdict ? ratio <= 2.0 : null);
    }

    /// <summary>Compares row counts per table; a difference is a failure.</summary>
    public void CheckRows(string what, IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> actual)
    {
        var differences = expected.Keys.Union(actual.Keys)
            .Where(t => expected.GetValueOrDefault(t, -1) != actual.GetValueOrDefault(t, -1))
            .Select(t => $"{t}: expected {expected.GetValueOrDefault(t, -1):N0}, found {actual.GetValueOrDefault(t, -1):N0}")
            .ToList();
        if (differences.Count == 0)
        {
            _checks.Add($"{what}: row counts equal ({actual.Values.Sum():N0} rows in {actual.Count} tables)");
        }
        else
        {
            _problems.Add($"{what}: row counts differ — {string.Join("; ", differences)}");
        }
    }

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("| Measurement | Lines | Time (s) | Lines/s | Peak RSS (MB) | Peak managed heap (MB) | Allocated (MB) | GCs 0/1/2 | Notes |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (label, r) in _results)
        {
            var loads = r.Phases.Count > 0;
            var linesPerSecond = r.Lines > 0 && !r.Kind.Contains("incremental", StringComparison.Ordinal) ? (r.Lines / r.Seconds).ToString("N0", CultureInfo.InvariantCulture) : "–";
            var memory = loads ? $"{r.Memory.PeakRssMb:0} | {r.Memory.SampledPeakManagedMb:0} | {r.Memory.AllocatedMb:N0} | {r.Memory.Gen0}/{r.Memory.Gen1}/{r.Memory.Gen2}" : "– | – | – | –";
            var notes = r.Variants.Count > 0 ? string.Join("; ", r.Variants.Select(v => $"{v.Key} {v.Value:0.000} s")) : string.Empty;
            Console.WriteLine($"| {label} | {r.Lines:N0} | {r.Seconds:0.000} | {linesPerSecond} | {memory} | {notes} |");
        }

        foreach (var (label, r) in _results.Where(x => x.Result.Phases.Count > 0))
        {
            Console.WriteLine();
            Console.WriteLine($"Where the time goes — {label}: {r.What}");
            foreach (var note in r.Notes)
            {
                Console.WriteLine($"  {note}");
            }

            Console.WriteLine();
            Console.WriteLine("| Step | s | % | Detail |");
            Console.WriteLine("|---|---:|---:|---|");
            var raw = _results.Select(x => x.Result).FirstOrDefault(x => x.Engine == r.Engine && x.Lines == r.Lines && x.TableSeconds.Count > 0 && !r.Kind.Contains("incremental", StringComparison.Ordinal));
            foreach (var phase in r.Phases)
            {
                var detail = phase.Detail;
                if (raw is not null && phase.Name.StartsWith("merge ", StringComparison.Ordinal) && raw.TableSeconds.TryGetValue(phase.Name["merge ".Length..], out var rawSeconds))
                {
                    detail += $"; raw insert of the same rows: {rawSeconds:0.000} s";
                }

                Console.WriteLine($"| {phase.Name} | {phase.Seconds:0.000} | {100 * phase.Seconds / r.Seconds:0.0} | {detail} |");
            }

            Console.WriteLine($"| **total (LoadAsync)** | {r.Seconds:0.000} | 100 | inserted: {string.Join(", ", r.Inserted.Select(i => $"{i.Key} {i.Value:N0}"))} |");
        }

        foreach (var (label, r) in _results.Where(x => x.Result.Phases.Count == 0 && x.Result.Notes.Count > 0))
        {
            Console.WriteLine();
            Console.WriteLine($"{label}: {r.What}; {string.Join("; ", r.Notes)}");
            if (r.TableSeconds.Count > 0)
            {
                Console.WriteLine("  per table: " + string.Join(", ", r.TableSeconds.Select(t => $"{t.Key} {t.Value:0.000} s")));
            }
        }

        Console.WriteLine();
        foreach (var check in _checks)
        {
            Console.WriteLine("Check: " + check);
        }

        if (_targets.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("| Target | Measured | Required | Verdict |");
            Console.WriteLine("|---|---:|---:|:---:|");
            foreach (var (target, measured, required, pass) in _targets)
            {
                Console.WriteLine($"| {target} | {measured} | {required} | {(pass is null ? "–" : pass.Value ? "PASS" : "**FAIL**")} |");
            }
        }

        foreach (var problem in _problems)
        {
            Console.WriteLine("PROBLEM: " + problem);
        }
    }
}
