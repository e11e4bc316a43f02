using System.Globalization;
using System.Text;
using System.Text.Json;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading.Staging;

/// <summary>
/// The quarantine table: each bad source row, whole (every column as text, as JSON), with its batch, source, line,
/// column and reason. Written inside the batch's transaction, so a batch that fails later leaves no quarantine rows.
/// </summary>
internal sealed class Quarantine(SqlDialect dialect, string table)
{
    public TableDefinition Definition { get; } = new(
        table,
        [
            new("batch_id", dialect.Types.For(DataType.BigInt), true),
            new("source_name", dialect.Types.For(DataType.String(255)), true),
            new("line_number", dialect.Types.For(DataType.BigInt), true),
            new("column_name", dialect.Types.For(DataType.String(255)), false),
            new("reason", dialect.Types.For(DataType.Text), true),
            new("raw_row", dialect.Types.For(DataType.Text), true),
        ],
        [],
        [],
        []);

    /// <summary>The insert of one bad row; the row is captured now, so the statement can run later.</summary>
    public SqlStatement Insert(long batchId, string source, long line, string? column, string reason, SourceReader reader)
    {
        string[] columns = ["batch_id", "source_name", "line_number", "column_name", "reason", "raw_row"];
        var insert = new SqlStatement(
            $"INSERT INTO {dialect.QuoteIdentifier(table)} ({string.Join(", ", columns.Select(dialect.QuoteIdentifier))}) VALUES ({string.Join(", ", columns.Select(dialect.ParameterPlaceholder))})",
            [
                new("batch_id", batchId),
                new("source_name", source),
                new("line_number", line),
                new("column_name", (object?)column ?? DBNull.Value),
                new("reason", reason),
                new("raw_row", RawRow(reader)),
            ]);
        return insert;
    }

    private static string RawRow(SourceReader reader)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            for (var i = 0; i < reader.Columns.Count; i++)
            {
                var value = reader.GetValue(i);
                if (value is null)
                {
                    json.WriteNull(reader.Columns[i]);
                }
                else
                {
                    json.WriteString(reader.Columns[i], value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture));
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
