using System.Globalization;
using System.Text;
using System.Text.Json;
using DataVault.Core.Sql;
using DataVault.Core.Sql.Writers;

namespace DataVault.Core.Loading.Bookkeeping;

/// <summary>
/// The quarantine table: each bad source row, whole (every column as text, as JSON), with its batch, source, line,
/// column and reason. Written inside the batch's transaction, so a batch that fails later leaves no quarantine rows.
/// Its SQL is <see cref="LoaderStatements"/>'.
/// </summary>
internal sealed class Quarantine(LoaderStatements statements, string table)
{
    /// <summary>The table name.</summary>
    public string Table { get; } = table;

    /// <summary>Creates the table.</summary>
    /// <param name="options">DDL options.</param>
    /// <returns>The statements.</returns>
    public IReadOnlyList<SqlStatement> Create(DdlOptions options) => statements.CreateQuarantine(Table, options);

    /// <summary>The insert of one bad row; the row is captured now, so the statement can run later.</summary>
    public SqlStatement Insert(long batchId, string source, long line, string? column, string reason, SourceReader reader) =>
        statements.InsertQuarantined(Table, batchId, source, line, column, reason, RawRow(reader));

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
