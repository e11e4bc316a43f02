using System.Data;
using System.Data.Common;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.BusinessVault;

/// <summary>
/// Builds point-in-time tables on a connection: for each PIT, one transaction that deletes the snapshot range and
/// inserts it again with one set-based statement (<see cref="SqlDialect.BuildPit"/>). A failure rolls the whole
/// range back — the previous build stays as it was — and is thrown, never swallowed.
/// <code>
/// var result = await new PitBuilder().BuildAsync(connection, SqlDialects.PostgreSql, model.PointInTime("customer"),
///     new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), cancellationToken);
/// </code>
/// </summary>
public sealed class PitBuilder
{
    private readonly TimeProvider _timeProvider;

    /// <summary>A builder that measures durations with the system clock.</summary>
    public PitBuilder()
        : this(TimeProvider.System)
    {
    }

    /// <summary>A builder that measures durations with <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The clock of <see cref="PitBuildResult.Duration"/>.</param>
    public PitBuilder(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>The DDL options the vault was created with (they fix the form of the hubs' zero keys).</summary>
    public DdlOptions DdlOptions { get; init; } = DdlOptions.Default;

    /// <summary>The command timeout of the build statements, or <see langword="null"/> for the provider's default.</summary>
    public TimeSpan? CommandTimeout { get; init; }

    /// <summary>
    /// Builds the daily snapshots <paramref name="from"/> to <paramref name="to"/> (inclusive) of one PIT in one
    /// transaction, replacing exactly that range. The connection is opened if it is closed (and closed again).
    /// </summary>
    /// <param name="connection">A connection to the vault's database, without an open transaction.</param>
    /// <param name="dialect">The database's dialect.</param>
    /// <param name="pit">The PIT.</param>
    /// <param name="from">The first snapshot date.</param>
    /// <param name="to">The last snapshot date (not before <paramref name="from"/>).</param>
    /// <param name="cancellationToken">Cancels the build; the transaction is rolled back.</param>
    /// <returns>The rows deleted and written.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public async Task<PitBuildResult> BuildAsync(DbConnection connection, SqlDialect dialect, PointInTime pit, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(pit);
        var delete = dialect.DeletePitSnapshots(pit, from, to);
        var insert = dialect.InsertPitSnapshots(pit, from, to, DdlOptions);
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var start = _timeProvider.GetTimestamp();
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var deleted = await ExecuteAsync(connection, transaction, dialect, delete, cancellationToken).ConfigureAwait(false);
                var written = await ExecuteAsync(connection, transaction, dialect, insert, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new PitBuildResult(pit.Name, from, to, deleted, written, _timeProvider.GetElapsedTime(start));
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Builds every PIT of <paramref name="model"/> for the same range, one transaction each, in declared order.</summary>
    /// <param name="connection">A connection to the vault's database, without an open transaction.</param>
    /// <param name="dialect">The database's dialect.</param>
    /// <param name="model">The model.</param>
    /// <param name="from">The first snapshot date.</param>
    /// <param name="to">The last snapshot date (not before <paramref name="from"/>).</param>
    /// <param name="cancellationToken">Cancels the build; the PIT being built is rolled back, those before stay built.</param>
    /// <returns>One result per PIT.</returns>
    public async Task<IReadOnlyList<PitBuildResult>> BuildAllAsync(DbConnection connection, SqlDialect dialect, DataVaultModel model, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var results = new List<PitBuildResult>(model.PointInTimes.Count);
        foreach (var pit in model.PointInTimes)
        {
            results.Add(await BuildAsync(connection, dialect, pit, from, to, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, SqlStatement statement, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = statement.Text;
            if (CommandTimeout is { } timeout)
            {
                command.CommandTimeout = (int)Math.Ceiling(timeout.TotalSeconds);
            }

            foreach (var value in statement.Parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = dialect.ParameterName(value.Name);
                parameter.Value = value.Value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
