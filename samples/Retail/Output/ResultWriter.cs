using System.Globalization;
using System.Text;
using System.Text.Json;
using Retail.Data;
using Retail.Database;
using Spectre.Console;

namespace Retail.Output;

/// <summary>Prints query results as a table, CSV or JSON.</summary>
internal static class ResultWriter
{
    /// <summary>Prints a result.</summary>
    /// <param name="console">The console.</param>
    /// <param name="result">The rows.</param>
    /// <param name="format">The format.</param>
    /// <param name="title">A title for the table, or <see langword="null"/>.</param>
    public static void Write(IAnsiConsole console, QueryResult result, OutputFormat format, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        switch (format)
        {
            case OutputFormat.Csv:
                console.Profile.Out.Writer.Write(ToCsv(result));
                break;
            case OutputFormat.Json:
                console.Profile.Out.Writer.WriteLine(ToJson(result));
                break;
            default:
                console.Write(ToTable(result, title));
                if (result.Rows.Count == 0)
                {
                    console.MarkupLine("[grey](no rows)[/]");
                }

                break;
        }

        console.Profile.Out.Writer.Flush();
    }

    /// <summary>A Spectre table of the result.</summary>
    /// <param name="result">The rows.</param>
    /// <param name="title">A title, or <see langword="null"/>.</param>
    /// <returns>The table.</returns>
    public static Table ToTable(QueryResult result, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new Table().Border(TableBorder.Rounded);
        if (title is not null)
        {
            table.Title($"[bold]{Markup.Escape(title)}[/]");
        }

        for (var i = 0; i < result.Columns.Count; i++)
        {
            var column = new TableColumn(Markup.Escape(result.Columns[i]));
            if (result.Rows.Count > 0 && result.Rows.All(r => r[i] is null or int or long or decimal or double or float or short))
            {
                column.RightAligned();
            }

            table.AddColumn(column);
        }

        foreach (var row in result.Rows)
        {
            table.AddRow(row.Select(v => v is null ? new Markup("[grey]NULL[/]") : (Spectre.Console.Rendering.IRenderable)new Text(Format(v))).ToArray());
        }

        return table;
    }

    /// <summary>The result as CSV.</summary>
    /// <param name="result">The rows.</param>
    /// <returns>The text.</returns>
    public static string ToCsv(QueryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.AppendJoin(',', result.Columns.Select(CsvTableWriter.Quote)).Append('\n');
        foreach (var row in result.Rows)
        {
            text.AppendJoin(',', row.Select(v => CsvTableWriter.Quote(v is null ? string.Empty : Format(v)))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The result as a JSON array of objects.</summary>
    /// <param name="result">The rows.</param>
    /// <returns>The text.</returns>
    public static string ToJson(QueryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var row in result.Rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < result.Columns.Count; i++)
                {
                    json.WritePropertyName(result.Columns[i]);
                    switch (row[i])
                    {
                        case null:
                            json.WriteNullValue();
                            break;
                        case int or long or short or byte:
                            json.WriteNumberValue(Convert.ToInt64(row[i], CultureInfo.InvariantCulture));
                            break;
                        case decimal d:
                            json.WriteNumberValue(d);
                            break;
                        case double d when double.IsFinite(d):
                            json.WriteNumberValue(d);
                            break;
                        case float f when float.IsFinite(f):
                            json.WriteNumberValue(f);
                            break;
                        case bool b:
                            json.WriteBooleanValue(b);
                            break;
                        default:
                            json.WriteStringValue(Format(row[i]!));
                            break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Formats a database value: ISO dates and times, invariant numbers.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(object value) => value switch
    {
        DateTime t when t.TimeOfDay == TimeSpan.Zero && t.Kind != DateTimeKind.Local && IsDateOnly(t) => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        float f => f.ToString("0.######", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    // Providers return DATE columns as DateTime at midnight; a load timestamp at exactly midnight is shown as a date too,
    // which is harmless for display.
    private static bool IsDateOnly(DateTime value) => value.Ticks % TimeSpan.TicksPerDay == 0;
}
