using System.Data.Common;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading.Staging;

/// <summary>Runs statements on the batch's connection and transaction; parameters are bound by name, never inlined.</summary>
internal static class Db
{
    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, SqlStatement statement, CancellationToken cancellationToken)
    {
        var command = Command(connection, transaction, statement);
        await using var disposeCommand = command.ConfigureAwait(false);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task ExecuteAllAsync(DbConnection connection, DbTransaction? transaction, IEnumerable<SqlStatement> statements, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, SqlStatement statement, CancellationToken cancellationToken)
    {
        var command = Command(connection, transaction, statement);
        await using var disposeCommand = command.ConfigureAwait(false);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    /// <summary>Reads up to <paramref name="limit"/> rows as value arrays.</summary>
    public static async Task<List<object?[]>> QueryAsync(DbConnection connection, DbTransaction? transaction, SqlStatement statement, int limit, CancellationToken cancellationToken)
    {
        var command = Command(connection, transaction, statement);
        await using var disposeCommand = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeReader = reader.ConfigureAwait(false);
        var rows = new List<object?[]>();
        while (rows.Count < limit && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, SqlStatement statement)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // statements come from the dialect: identifiers validated and quoted, values parameters
        command.CommandText = statement.Text;
#pragma warning restore CA2100
        foreach (var p in statement.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = p.Name;
            parameter.Value = p.Value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
