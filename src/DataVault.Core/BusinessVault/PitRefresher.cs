using DataVault.Core.Execution;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.BusinessVault;

/// <summary>
/// Refreshes point-in-time tables on a session: for each PIT, one transaction that deletes the snapshot range and
/// inserts it again with one set-based statement (<see cref="SqlDialect.BuildPit"/>). A failure rolls the whole range
/// back — the previous refresh stays as it was — and is thrown, never swallowed. (Named apart from the model's
/// <see cref="PointInTimeBuilder"/>, which declares a PIT.)
/// <code>
/// var session = new VaultSession(connection, SqlDialects.PostgreSql);
/// var result = await new PitRefresher(session).RefreshAsync(model.PointInTime("customer"),
///     new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), cancellationToken);
/// </code>
/// </summary>
public sealed class PitRefresher
{
    private readonly TimeProvider _timeProvider;

    /// <summary>A refresher that measures durations with the system clock.</summary>
    /// <param name="session">The session: connection, dialect and the statements' command timeout.</param>
    public PitRefresher(VaultSession session)
        : this(session, TimeProvider.System)
    {
    }

    /// <summary>A refresher that measures durations with <paramref name="timeProvider"/>.</summary>
    /// <param name="session">The session: connection, dialect and the statements' command timeout.</param>
    /// <param name="timeProvider">The clock of <see cref="PitRefreshResult.Duration"/>.</param>
    public PitRefresher(VaultSession session, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Session = session;
        _timeProvider = timeProvider;
    }

    /// <summary>The session.</summary>
    public VaultSession Session { get; }

    /// <summary>The DDL options the vault was created with (they fix the form of the hubs' zero keys).</summary>
    public DdlOptions DdlOptions { get; init; } = DdlOptions.Default;

    /// <summary>
    /// Refreshes the daily snapshots <paramref name="from"/> to <paramref name="to"/> (inclusive) of one PIT in one
    /// transaction, replacing exactly that range. The connection is opened if it is closed (and closed again).
    /// </summary>
    /// <param name="pit">The PIT.</param>
    /// <param name="from">The first snapshot date.</param>
    /// <param name="to">The last snapshot date (not before <paramref name="from"/>).</param>
    /// <param name="cancellationToken">Cancels the refresh; the transaction is rolled back.</param>
    /// <returns>The rows deleted and written.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <remarks>The session's connection must not have an open transaction.</remarks>
    public async Task<PitRefreshResult> RefreshAsync(PointInTime pit, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pit);
        var delete = Session.Dialect.DeletePitSnapshots(pit, from, to);
        var insert = Session.Dialect.InsertPitSnapshots(pit, from, to, DdlOptions);
        var opened = await Session.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var start = _timeProvider.GetTimestamp();
            var transaction = await Session.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var deleted = await Session.ExecuteAsync(delete, transaction, cancellationToken).ConfigureAwait(false);
                var written = await Session.ExecuteAsync(insert, transaction, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new PitRefreshResult(pit.Name, from, to, deleted, written, _timeProvider.GetElapsedTime(start));
            }
        }
        finally
        {
            if (opened)
            {
                await Session.Connection.CloseAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Refreshes every PIT of <paramref name="model"/> for the same range, one transaction each, in declared order.</summary>
    /// <param name="model">The model.</param>
    /// <param name="from">The first snapshot date.</param>
    /// <param name="to">The last snapshot date (not before <paramref name="from"/>).</param>
    /// <param name="cancellationToken">Cancels the refresh; the PIT being refreshed is rolled back, those before stay refreshed.</param>
    /// <returns>One result per PIT.</returns>
    public async Task<IReadOnlyList<PitRefreshResult>> RefreshAllAsync(DataVaultModel model, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var results = new List<PitRefreshResult>(model.PointInTimes.Count);
        foreach (var pit in model.PointInTimes)
        {
            results.Add(await RefreshAsync(pit, from, to, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }
}
