using System.Globalization;
using DataVault.Core.Loading;
using DataVault.Core.Sql;
using MySqlConnector;

namespace DataVault.MariaDb;

/// <summary>
/// Writes rows with MySqlConnector's <c>MySqlBulkCopy</c>: one <c>LOAD DATA LOCAL INFILE</c> per call, streamed from
/// memory, in the batch's transaction. <c>LOAD DATA LOCAL</c> makes the server turn bad values (too long, NULL in a
/// NOT NULL column, out of range) into warnings and load the row anyway; a call that produced any warning fails.
/// </summary>
internal sealed class MySqlBulkCopyStaging(MySqlConnection connection, MySqlTransaction transaction, SqlDialect dialect)
{
    private const int WarningsShown = 5;

    public async Task WriteAsync(StagingTableSchema table, MariaDbStagingColumn[] columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var bulkCopy = new MySqlBulkCopy(connection, transaction)
        {
            DestinationTableName = dialect.QuoteTable(table.DatabaseSchema, table.Name),
            BulkCopyTimeout = (int)Math.Min(int.MaxValue, new MySqlConnectionStringBuilder(connection.ConnectionString).DefaultCommandTimeout),
        };
        for (var i = 0; i < columns.Length; i++)
        {
            bulkCopy.ColumnMappings.Add(new MySqlBulkCopyColumnMapping(i, columns[i].Name));
        }

        var reader = new StagingRowReader(columns, rows, table.Name);
        await using (reader.ConfigureAwait(false))
        {
            var result = await bulkCopy.WriteToServerAsync(reader, cancellationToken).ConfigureAwait(false);
            if (result.Warnings.Count > 0)
            {
                var shown = string.Join("; ", result.Warnings.Take(WarningsShown).Select(w => w.Message));
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Bulk copy into {table.Name} produced {result.Warnings.Count} warning(s), which LOAD DATA LOCAL reports instead of errors: {shown}"));
            }

            if (result.RowsInserted != rows.Count)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Bulk copy into {table.Name} inserted {result.RowsInserted} of {rows.Count} rows."));
            }
        }
    }
}
