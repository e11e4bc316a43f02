using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Writers;

/// <summary>
/// The loads of hubs and links — the distinct staged keys the table does not hold yet, each once — and the ghost
/// records, all inserted the one conflict-safe way the engine has (<see cref="DialectCapabilities.KeyInsert"/>).
/// </summary>
internal sealed class KeyLoadWriter(SqlDialect dialect)
{
    private static readonly string Nl = Environment.NewLine;

    private SqlQuoter Quoter => dialect.Quoter;

    public SqlStatement LoadHub(Hub hub, StagingTable staging) =>
        InsertNewKeys(Quoter.QuoteTable(hub.Schema, hub.TableName), hub.HashKeyColumn, [.. KeyColumns(hub), hub.Naming.LoadDate, hub.Naming.RecordSource], staging, hub.Naming);

    /// <summary>A hub's key columns: its hash key, business keys and standardised keys — or a reference hub's code alone.</summary>
    private static IEnumerable<string> KeyColumns(Hub hub) => hub.IsReference
        ? [hub.HashKeyColumn]
        : [hub.HashKeyColumn, .. hub.BusinessKeys.Select(k => k.Name), .. hub.StandardizedKeyColumns.Select(k => k.Name)];

    public SqlStatement LoadLink(Link link, StagingTable staging) =>
        InsertNewKeys(Quoter.QuoteTable(link.Schema, link.TableName), link.HashKeyColumn, [link.HashKeyColumn, .. link.Hubs.Select(h => h.HashKeyColumn), .. link.DependentChildKeys.Select(k => k.Name), link.Naming.LoadDate, link.Naming.RecordSource], staging, link.Naming);

    public SqlStatement InsertGhostRecord(Hub hub, DdlOptions options)
    {
        var table = Quoter.QuoteTable(hub.Schema, hub.TableName);
        var key = Quoter.QuoteIdentifier(hub.HashKeyColumn);
        var zeroKey = Quoter.ParameterPlaceholder("dv_zero_key");
        var dual = dialect.Capabilities.SelectFromDual ? " FROM DUAL" : string.Empty;
        return new SqlStatement(
            $"INSERT INTO {table} ({dialect.ColumnList([hub.HashKeyColumn, hub.Naming.LoadDate, hub.Naming.RecordSource])}){Nl}" +
            $"SELECT {zeroKey}, {Quoter.ParameterPlaceholder("dv_load_date")}, {Quoter.ParameterPlaceholder("dv_record_source")}{dual}{Nl}" +
            $"WHERE NOT EXISTS (SELECT 1 FROM {table} t{LockHint} WHERE t.{key} = {zeroKey})" +
            ConflictClause(table, hub.HashKeyColumn),
            [
                new("dv_zero_key", dialect.Types.ZeroKey(hub.HashingStandard, options)),
                new("dv_load_date", dialect.Types.ToDbValue(SqlDialect.GhostLoadDate, DataType.Timestamp)),
                new("dv_record_source", SqlDialect.GhostRecordSource),
            ]);
    }

    /// <summary>One row per staged key (its earliest), skipping stored keys and keys a concurrent loader inserted meanwhile; <c>table</c> is quoted and qualified.</summary>
    private SqlStatement InsertNewKeys(string table, string keyColumn, IReadOnlyList<string> columns, StagingTable staging, NamingConventions naming)
    {
        var key = Quoter.QuoteIdentifier(keyColumn);
        return SqlStatement.Of(
            $"INSERT INTO {table} ({dialect.ColumnList(columns)}){Nl}" +
            $"SELECT {dialect.ColumnList(columns, "s")}{Nl}" +
            $"FROM ({Nl}" +
            $"    SELECT {dialect.ColumnList(columns, "st")},{Nl}" +
            $"           ROW_NUMBER() OVER (PARTITION BY st.{key} ORDER BY st.{Quoter.QuoteIdentifier(naming.LoadDate)}, st.{Quoter.QuoteIdentifier(naming.RecordSource)}) AS {Quoter.QuoteIdentifier("dv_row")}{Nl}" +
            $"    FROM {Quoter.QuoteIdentifier(staging.Name)} st{Nl}" +
            $") s{Nl}" +
            $"WHERE s.{Quoter.QuoteIdentifier("dv_row")} = 1{Nl}" +
            $"  AND NOT EXISTS (SELECT 1 FROM {table} t{LockHint} WHERE t.{key} = s.{key})" +
            ConflictClause(table, keyColumn));
    }

    /// <summary>The table hint of the existence check, after its alias: it holds its lock where the style needs one.</summary>
    private string LockHint => dialect.Capabilities.KeyInsert == KeyInsertStyle.LockedNotExists ? " WITH (UPDLOCK, HOLDLOCK)" : string.Empty;

    /// <summary>The clause that skips a key a concurrent loader inserted meanwhile, starting with a line break, or nothing.</summary>
    private string ConflictClause(string table, string keyColumn)
    {
        switch (dialect.Capabilities.KeyInsert)
        {
            case KeyInsertStyle.OnConflictDoNothing:
                return $"{Nl}ON CONFLICT ({Quoter.QuoteIdentifier(keyColumn)}) DO NOTHING";
            case KeyInsertStyle.OnDuplicateKeyNoOp:
                // Qualified: the SELECT has a column of the same name, which would make a bare `key` ambiguous.
                var key = table + "." + Quoter.QuoteIdentifier(keyColumn);
                return $"{Nl}ON DUPLICATE KEY UPDATE {key} = {key}";
            default:
                return string.Empty;
        }
    }
}
