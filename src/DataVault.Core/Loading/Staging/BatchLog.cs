using System.Data.Common;
using System.Globalization;
using System.Text;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading.Staging;

/// <summary>
/// The batch log (the seed's <c>etl_batch_log</c>, plus load date, record source, rejected rows and per-table counts).
/// Written outside the batch's transaction, so a failed batch is logged even though its data is rolled back.
/// </summary>
internal sealed class BatchLog(SqlDialect dialect, string table)
{
    private static readonly string[] StartColumns = ["batch_id", "batch_name", "load_date", "record_source", "start_time", "status"];
    private static readonly string[] FinishColumns = ["end_time", "status", "records_processed", "records_inserted", "records_updated", "records_rejected", "target_counts", "error_message"];

    public TableDefinition Definition { get; } = new(
        table,
        [
            new("batch_id", dialect.Types.For(DataType.BigInt), true),
            new("batch_name", dialect.Types.For(DataType.String(255)), false),
            new("load_date", dialect.Types.For(DataType.Timestamp), false),
            new("record_source", dialect.Types.For(DataType.String(100)), false),
            new("start_time", dialect.Types.For(DataType.Timestamp), false),
            new("end_time", dialect.Types.For(DataType.Timestamp), false),
            new("status", dialect.Types.For(DataType.String(50)), false),
            new("records_processed", dialect.Types.For(DataType.BigInt), false),
            new("records_inserted", dialect.Types.For(DataType.BigInt), false),
            new("records_updated", dialect.Types.For(DataType.BigInt), false),
            new("records_rejected", dialect.Types.For(DataType.BigInt), false),
            new("target_counts", dialect.Types.For(DataType.Text), false),
            new("error_message", dialect.Types.For(DataType.Text), false),
        ],
        ["batch_id"],
        [],
        []);

    /// <summary>Adds a <c>running</c> entry and returns its id (the highest id + 1; retried if a concurrent loader took it).</summary>
    public async Task<long> StartAsync(DbConnection connection, string name, DateTime loadDate, string recordSource, DateTime startTime, CancellationToken cancellationToken)
    {
        var q = dialect.QuoteIdentifier(table);
        for (var attempt = 1; ; attempt++)
        {
            var next = Convert.ToInt64(await Db.ScalarAsync(connection, null, SqlStatement.Of($"SELECT COALESCE(MAX({dialect.QuoteIdentifier("batch_id")}), 0) + 1 FROM {q}"), cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            var insert = new SqlStatement(
                $"INSERT INTO {q} ({string.Join(", ", StartColumns.Select(dialect.QuoteIdentifier))}) " +
                $"VALUES ({P("id")}, {P("name")}, {P("load_date")}, {P("record_source")}, {P("start_time")}, {P("status")})",
                [
                    new("id", next),
                    new("name", name),
                    new("load_date", dialect.ToDbValue(loadDate, DataType.Timestamp)),
                    new("record_source", recordSource),
                    new("start_time", dialect.ToDbValue(startTime, DataType.Timestamp)),
                    new("status", "running"),
                ]);
            try
            {
                await Db.ExecuteAsync(connection, null, insert, cancellationToken).ConfigureAwait(false);
                return next;
            }
            catch (DbException) when (attempt < 5)
            {
                await Task.Delay(10 * attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Completes an entry: status, end time, counts, error.</summary>
    public Task FinishAsync(DbConnection connection, long batchId, string status, DateTime endTime, long read, long inserted, long updated, long rejected, IReadOnlyDictionary<string, long> counts, string? error, CancellationToken cancellationToken)
    {
        var update = new SqlStatement(
            $"UPDATE {dialect.QuoteIdentifier(table)} SET {string.Join(", ", FinishColumns.Select(c => $"{dialect.QuoteIdentifier(c)} = {P(c)}"))} WHERE {dialect.QuoteIdentifier("batch_id")} = {P("batch_id")}",
            [
                new("end_time", dialect.ToDbValue(endTime, DataType.Timestamp)),
                new("status", status),
                new("records_processed", read),
                new("records_inserted", inserted),
                new("records_updated", updated),
                new("records_rejected", rejected),
                new("target_counts", Json(counts)),
                new("error_message", (object?)error ?? DBNull.Value),
                new("batch_id", batchId),
            ]);
        return Db.ExecuteAsync(connection, null, update, cancellationToken);
    }

    private static string Json(IReadOnlyDictionary<string, long> counts)
    {
        var text = new StringBuilder("{");
        foreach (var (key, value) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.Append(text.Length > 1 ? ", " : string.Empty).Append(CultureInfo.InvariantCulture, $"\"{key}\": {value}");
        }

        return text.Append('}').ToString();
    }

    private string P(string name) => dialect.ParameterPlaceholder(name);
}
