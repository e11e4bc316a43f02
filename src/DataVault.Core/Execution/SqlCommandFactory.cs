using System.Data.Common;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Execution;

/// <summary>
/// The one place where a <see cref="SqlStatement"/> becomes a <see cref="DbCommand"/>: the text, the transaction, the
/// timeout, and each parameter bound under the dialect's <see cref="SqlDialect.ParameterName"/> with
/// <see langword="null"/> as <see cref="DBNull"/>. <see cref="VaultSession"/> runs every statement of the loader and
/// the PIT refresher through it, and the generic staging writer prepares its reused commands with it, so no caller binds
/// names or sets timeouts its own way.
/// </summary>
/// <remarks>
/// Plain ADO.NET rather than Dapper: every statement carries a parameter list decided at run time, which Dapper binds
/// through reflection that neither trimming nor native AOT supports, and Dapper's AOT generator does not intercept the
/// overloads that take a cancellation token (docs/adr/0005-statement-execution.md).
/// </remarks>
public static class SqlCommandFactory
{
    /// <summary>Creates a command for a statement; the caller disposes it.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="dialect">The dialect that wrote the statement (it names the ADO.NET parameters).</param>
    /// <param name="statement">The statement: its text and its parameter values.</param>
    /// <param name="transaction">The transaction to enlist in, or <see langword="null"/>.</param>
    /// <param name="commandTimeout">The command timeout, or <see langword="null"/> for the provider's default.</param>
    /// <returns>The command, ready to execute (or to execute again with new values: see <see cref="Bind"/>).</returns>
    public static DbCommand Create(DbConnection connection, SqlDialect dialect, SqlStatement statement, DbTransaction? transaction = null, TimeSpan? commandTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(statement);
        var seconds = commandTimeout is { } timeout ? TimeoutSeconds(timeout) : (int?)null;
        var command = connection.CreateCommand();
        try
        {
            command.Transaction = transaction;
#pragma warning disable CA2100 // statements come from the dialect's writers: identifiers validated and quoted, every value a parameter
            command.CommandText = statement.Text;
#pragma warning restore CA2100
            if (seconds is { } s)
            {
                command.CommandTimeout = s;
            }

            foreach (var value in statement.Parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = dialect.ParameterName(value.Name);
                parameter.Value = value.Value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            return command;
        }
        catch
        {
            command.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sets a parameter of a prepared command to a loader value of a column of <paramref name="type"/>, converted by the
    /// dialect (<see cref="SqlDialect.ToDbValue"/>): the value conversion of reused commands.
    /// </summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="value">The CLR value, or <see langword="null"/>.</param>
    /// <param name="type">The column's portable type.</param>
    public static void Bind(DbParameter parameter, SqlDialect dialect, object? value, DataType type)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(dialect);
        parameter.Value = dialect.ToDbValue(value, type);
    }

    /// <summary>A timeout as ADO.NET's whole seconds, rounded up (so a sub-second timeout does not become 0, which means none).</summary>
    /// <param name="timeout">The timeout; <see cref="TimeSpan.Zero"/> means no limit.</param>
    /// <returns>The seconds.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative.</exception>
    public static int TimeoutSeconds(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        return timeout.TotalSeconds >= int.MaxValue ? int.MaxValue : (int)Math.Ceiling(timeout.TotalSeconds);
    }
}
