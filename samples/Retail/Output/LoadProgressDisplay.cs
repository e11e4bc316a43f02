using DataVault.Core.Loading;
using Spectre.Console;

namespace Retail.Output;

/// <summary>Shows a batch load's <see cref="LoadProgress"/> as a Spectre progress bar.</summary>
internal static class LoadProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> under a progress bar.</summary>
    /// <typeparam name="T">The result.</typeparam>
    /// <param name="console">The console.</param>
    /// <param name="title">The bar's title (plain text).</param>
    /// <param name="expectedRows">Rows the sources hold (for the reading phase), 0 if unknown.</param>
    /// <param name="work">The load, given the progress sink.</param>
    /// <returns>The load's result.</returns>
    public static Task<T> RunAsync<T>(IAnsiConsole console, string title, long expectedRows, Func<IProgress<LoadProgress>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 100);
                var result = await work(new Sink(task, Markup.Escape(title), expectedRows));
                task.Value = 100;
                task.StopTask();
                return result;
            });
    }

    /// <summary>The share of the bar a progress report stands for: reading 0–60 %, merging 60–97 %, then done.</summary>
    /// <param name="progress">The report.</param>
    /// <param name="expectedRows">Rows expected, 0 if unknown.</param>
    /// <returns>A percentage.</returns>
    public static double Percent(LoadProgress progress, long expectedRows)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return progress.Phase switch
        {
            LoadPhase.Preparing => 0,
            LoadPhase.Reading => expectedRows > 0 ? 60.0 * Math.Min(1.0, progress.RowsRead / (double)expectedRows) : 30,
            LoadPhase.Checking => 60,
            LoadPhase.Merging => 60 + (progress.TargetCount > 0 ? 37.0 * progress.TargetsMerged / progress.TargetCount : 0),
            LoadPhase.Committing => 97,
            _ => 100,
        };
    }

    // Synchronous: System.Progress<T> would post reports to the thread pool, out of order.
    private sealed class Sink(ProgressTask task, string title, long expectedRows) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value)
        {
            task.Value = Math.Max(task.Value, Percent(value, expectedRows));
            var phase = value.Phase switch
            {
                LoadPhase.Reading => $"reading {Markup.Escape(value.Source ?? string.Empty)}",
                LoadPhase.Merging => $"merging {value.TargetsMerged}/{value.TargetCount}",
                _ => value.Phase.ToString().ToLowerInvariant(),
            };
            task.Description = $"{title} [grey]{phase}[/]";
        }
    }
}
