using System.Globalization;
using DataVault.Core.Loading;
using DataVault.Core.Loading.Providers;
using DataVault.Core.Sql;
using MySqlConnector;

namespace DataVault.MariaDb;

/// <summary>
/// Writes staging rows to MariaDB or MySQL through MySqlConnector, inside the batch's transaction: with prepared
/// multi-row <c>INSERT</c> statements, or with <c>MySqlBulkCopy</c> where <c>LOAD DATA LOCAL INFILE</c> is allowed
/// (see <see cref="MariaDbStagingMethod"/>). Each <see cref="WriteAsync"/> call is complete when it returns, so calls for
/// different tables may alternate on the connection.
/// </summary>
/// <remarks>
/// Values are checked against the CLR type their column's <see cref="StagingColumn.Type"/> fixes. GUIDs go to the
/// dialect's <c>CHAR(36)</c> as lower-case text whatever the connection's <c>GuidFormat</c> (to a <c>BINARY</c>/<c>VARBINARY</c>
/// column as their 16 bytes in RFC 4122 order); <see cref="DateOnly"/>, <see cref="TimeOnly"/>, <see cref="DateTime"/>
/// (microseconds), <see cref="decimal"/>, <see cref="bool"/> and byte arrays as MySqlConnector sends them. An error
/// leaves the transaction open with the rows written so far: the loader rolls it back.
/// </remarks>
public sealed class MariaDbStagingWriter : IStagingWriter
{
    private readonly MySqlConnection _connection;
    private readonly MySqlTransaction _transaction;
    private readonly SqlDialect _dialect;
    private readonly MariaDbStagingOptions _options;
    private readonly Dictionary<StagingTableSchema, MariaDbStagingColumn[]> _columns = [];
    private readonly MariaDbMultiRowInsert _insert;
    private MySqlBulkCopyStaging? _bulkCopy;
    private MariaDbStagingMethod? _method;

    /// <summary>Creates a writer on an open connection and its open transaction.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The batch's transaction on <paramref name="connection"/>; every statement runs inside it.</param>
    /// <param name="dialect">The dialect that quotes identifiers and writes parameter placeholders.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="MariaDbStagingOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The transaction does not belong to <paramref name="connection"/>.</exception>
    public MariaDbStagingWriter(MySqlConnection connection, MySqlTransaction transaction, SqlDialect dialect, MariaDbStagingOptions? options = null)
    {
        StagingWriterArguments.ThrowIfInvalid(connection, transaction, dialect);
        _connection = connection;
        _transaction = transaction;
        _dialect = dialect;
        _options = options ?? MariaDbStagingOptions.Default;
        _insert = new MariaDbMultiRowInsert(connection, transaction, dialect, _options.MaxRowsPerInsert);
    }

    /// <summary>The method the writer uses, once its first write has decided it (<see langword="null"/> before).</summary>
    public MariaDbStagingMethod? Method => _method;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A row does not have one value per column.</exception>
    /// <exception cref="InvalidCastException">A value is not of the CLR type its column's <see cref="StagingColumn.Type"/> fixes.</exception>
    /// <exception cref="InvalidOperationException">A bulk copy produced warnings (bad values) or inserted fewer rows than it was given.</exception>
    public async Task WriteAsync(StagingTableSchema table, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var columns = ColumnsOf(table);
        _method ??= await ChooseMethodAsync(cancellationToken).ConfigureAwait(false);
        if (_method == MariaDbStagingMethod.BulkCopy)
        {
            _bulkCopy ??= new MySqlBulkCopyStaging(_connection, _transaction, _dialect);
            await _bulkCopy.WriteAsync(table, columns, rows, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _insert.WriteAsync(table, columns, rows, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Releases the prepared statements.</summary>
    /// <returns>A task that completes when they are released.</returns>
    public ValueTask DisposeAsync() => _insert.DisposeAsync();

    private MariaDbStagingColumn[] ColumnsOf(StagingTableSchema table)
    {
        if (!_columns.TryGetValue(table, out var columns))
        {
            if (table.Columns.Count == 0)
            {
                throw new ArgumentException($"The staging table {table.Name} has no columns.", nameof(table));
            }

            columns = [.. table.Columns.Select(c => new MariaDbStagingColumn(c))];
            _columns.Add(table, columns);
        }

        return columns;
    }

    /// <summary>
    /// <see cref="MariaDbStagingMethod.Auto"/>: bulk copy when the connection string allows <c>LOAD DATA LOCAL</c>, the
    /// server's <c>local_infile</c> is on and <c>NO_BACKSLASH_ESCAPES</c> is off (MySqlConnector's <c>LOAD DATA</c>
    /// statement writes <c>ESCAPED BY '\\'</c>, which that mode reads as two characters).
    /// </summary>
    private async Task<MariaDbStagingMethod> ChooseMethodAsync(CancellationToken cancellationToken)
    {
        if (_options.Method != MariaDbStagingMethod.Auto)
        {
            return _options.Method;
        }

        if (!new MySqlConnectionStringBuilder(_connection.ConnectionString).AllowLoadLocalInfile)
        {
            return MariaDbStagingMethod.Insert;
        }

        var command = new MySqlCommand("SELECT @@local_infile, @@sql_mode", _connection, _transaction);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var localInfile = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture) != 0;
                var sqlMode = reader.IsDBNull(1) ? string.Empty : reader.GetString(1);
                return localInfile && !sqlMode.Contains("NO_BACKSLASH_ESCAPES", StringComparison.OrdinalIgnoreCase)
                    ? MariaDbStagingMethod.BulkCopy
                    : MariaDbStagingMethod.Insert;
            }
        }
    }
}
