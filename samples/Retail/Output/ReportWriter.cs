using System.Globalization;
using Retail.Queries;
using Spectre.Console;

namespace Retail.Output;

/// <summary>Prints the data-quality report.</summary>
internal static class ReportWriter
{
    /// <summary>Prints the report: one table per section, then the batch log.</summary>
    /// <param name="console">The console.</param>
    /// <param name="report">The report.</param>
    public static void Write(IAnsiConsole console, VaultReportData report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Data quality report[/]")
            .AddColumn("section").AddColumn("metric").AddColumn(new TableColumn("count").RightAligned());
        string? previous = null;
        foreach (var line in report.Lines)
        {
            if (previous is not null && previous != line.Section)
            {
                table.AddEmptyRow();
            }

            table.AddRow(previous == line.Section ? string.Empty : Markup.Escape(line.Section), Markup.Escape(line.Metric), line.Value.ToString("N0", CultureInfo.InvariantCulture));
            previous = line.Section;
        }

        console.Write(table);
        if (report.BatchLog is { } log)
        {
            // The per-table counts (a JSON column) would make the table too wide; the load summary prints them.
            var keep = Enumerable.Range(0, log.Columns.Count).Where(i => log.Columns[i] != "target_counts").ToArray();
            var narrow = new Database.QueryResult([.. keep.Select(i => log.Columns[i])], [.. log.Rows.Select(r => keep.Select(i => r[i]).ToArray())]);
            console.Write(ResultWriter.ToTable(narrow, "Batch log"));
        }
    }
}
