using System.Globalization;
using DataVault.Core.Loading;
using Spectre.Console;

namespace Retail.Output;

/// <summary>Prints a load's result.</summary>
internal static class LoadSummary
{
    /// <summary>Prints one line, and with <paramref name="detail"/> the rows inserted into each table.</summary>
    /// <param name="console">The console.</param>
    /// <param name="result">The result.</param>
    /// <param name="detail">Whether to print the per-table table.</param>
    public static void Write(IAnsiConsole console, LoadResult result, bool detail)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        console.MarkupLine(
            $"[green]{Markup.Escape(result.BatchName)}[/] (batch {result.BatchId}, load date {result.LoadDate.ToString("yyyy-MM-dd HH:mm:ss.ffffff", c)}): " +
            $"{result.RowsRead.ToString("N0", c)} rows read, {result.RowsInserted.ToString("N0", c)} inserted, {result.RowsEndDated.ToString("N0", c)} end-dated, " +
            $"{result.RowsRejected.ToString("N0", c)} rejected in [bold]{result.Duration.TotalMilliseconds.ToString("N0", c)} ms[/]");
        if (!detail)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("table").AddColumn(new TableColumn("rows inserted").RightAligned());
        foreach (var (name, rows) in result.InsertedByTable.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(name), rows.ToString("N0", c));
        }

        console.Write(table);
    }

    /// <summary>Prints a warning on the error console (stderr) when the batch quarantined rows instead of loading them.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="result">The result.</param>
    public static void WarnAboutRejectedRows(RetailEnvironment environment, LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(result);
        if (result.RowsRejected > 0)
        {
            environment.Warning(string.Create(CultureInfo.InvariantCulture,
                $"{result.BatchName} (batch {result.BatchId}): {result.RowsRejected:N0} rows were rejected and written to quarantine, not to the vault"));
        }
    }
}
