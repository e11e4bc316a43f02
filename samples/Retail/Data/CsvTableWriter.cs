using System.Globalization;
using System.Text;

namespace Retail.Data;

/// <summary>
/// Writes RFC 4180 CSV: a header, then one line per row; a field is quoted when it holds a comma, a quote, a line
/// break or leading/trailing spaces (quotes doubled). <see langword="null"/> is an empty field. Values are formatted
/// with the invariant culture: dates <c>yyyy-MM-dd</c>, times <c>HH:mm:ss</c>, decimals with a dot.
/// </summary>
internal sealed class CsvTableWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly int _columns;

    /// <summary>Creates the file and writes the header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="header">The column names.</param>
    public CsvTableWriter(string path, IReadOnlyList<string> header)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        _columns = header.Count;
        WriteRow(header);
    }

    /// <summary>Writes one row.</summary>
    /// <param name="values">One value per header column.</param>
    public void WriteRow(IReadOnlyList<object?> values)
    {
        if (values.Count != _columns)
        {
            throw new ArgumentException($"expected {_columns} values, got {values.Count}", nameof(values));
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            _writer.Write(Quote(Format(values[i])));
        }

        _writer.WriteLine();
    }

    /// <summary>Formats a value for CSV.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, unquoted.</returns>
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.00##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Quotes a field if it needs it.</summary>
    /// <param name="field">The field text.</param>
    /// <returns>The field as written.</returns>
    public static string Quote(string field)
    {
        var needs = field.Length > 0 && (field[0] == ' ' || field[^1] == ' ' || field.AsSpan().IndexOfAny(",\"\r\n") >= 0);
        return needs ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
