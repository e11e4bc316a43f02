using System.Globalization;
using DataVault.Core.Execution;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading.Bookkeeping;

/// <summary>
/// PostgreSQL: a batch records its backend's process id (<c>pg_backend_pid()</c>); its session is dead when no backend
/// of that pid is in <c>pg_stat_activity</c> (which shows every backend's pid to every role). A pid reused by a later
/// backend keeps an entry <c>running</c> until that backend ends too — never the reverse.
/// </summary>
internal sealed class PostgreSqlBatchSessions(SqlQuoter quoter) : BatchSessions
{
    /// <inheritdoc />
    public override string? DeadSessionCondition =>
        $"{quoter.QuoteIdentifier("session_id")} NOT IN (SELECT CAST(pid AS VARCHAR(20)) FROM pg_stat_activity WHERE pid IS NOT NULL)";

    /// <inheritdoc />
    public override async Task<string?> BeginAsync(VaultSession session, CancellationToken cancellationToken) =>
        Convert.ToString(await session.ScalarAsync(SqlStatement.Of("SELECT pg_backend_pid()"), null, cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override Task EndAsync(VaultSession session, string sessionId) => Task.CompletedTask;

    /// <inheritdoc />
    public override bool IsDead(string sessionId) => true;

    /// <inheritdoc />
    public override string Describe(string sessionId) => "PostgreSQL backend " + sessionId;
}
