using DataVault.Core.Sql;

namespace DataVault.Core.Loading.Providers;

/// <summary>
/// SQLite (Microsoft.Data.Sqlite), the embedded default, as a <see cref="DataVaultProvider"/>: the SQLite dialect and no
/// writer of its own, because the generic <see cref="CommandStagingWriter"/> (one prepared row per statement, bound in
/// process) is SQLite's fast path.
/// </summary>
public static class SqliteProvider
{
    /// <summary>The provider: <see cref="SqlDialects.Sqlite"/> with the generic staging writer.</summary>
    public static DataVaultProvider Default { get; } = new(SqlDialects.Sqlite, stagingWriter: null);
}
