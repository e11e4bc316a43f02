using System.Globalization;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Rehashing;

/// <summary>The statements of a rehash: its log, the pages it reads, the key maps' checks and the set-based copies.</summary>
internal sealed class RehashSql(SqlDialect dialect, RehashNames names)
{
    public const string OldKey = "dv_old_key";
    public const string NewKey = "dv_new_key";

    private static readonly string[] LogColumns = ["step", "fingerprint", "row_count", "completed_at"];

    public TableDefinition LogTable() => new(
        names.Log,
        [
            new("step", dialect.Types.For(DataType.String(200)), true),
            new("fingerprint", dialect.Types.For(DataType.String(64)), true),
            new("row_count", dialect.Types.For(DataType.BigInt), true),
            new("completed_at", dialect.Types.For(DataType.Timestamp), true),
        ],
        ["step"],
        [],
        [])
    {
        Schema = names.LogSchema,
    };

    public SqlStatement ReadLog() => SqlStatement.Of($"SELECT {Q("step")}, {Q("fingerprint")}, {Q("row_count")} FROM {T(names.LogSchema, names.Log)}");

    public SqlStatement ClearLog() => SqlStatement.Of($"DELETE FROM {T(names.LogSchema, names.Log)}");

    public SqlStatement InsertLog(string step, string fingerprint, long rows, DateTime at) =>
        new(dialect.InsertValues(names.Log, LogColumns, names.LogSchema), [new("p0", step), new("p1", fingerprint), new("p2", rows), new("p3", at)]);

    public SqlStatement DeleteLog(string step) => new($"DELETE FROM {T(names.LogSchema, names.Log)} WHERE {Q("step")} = {P("step")}", [new("step", step)]);

    /// <summary>A key map: the stored key (its old type) and the key under the target standard.</summary>
    public TableDefinition KeyMap(string table, SqlType oldKey, SqlType newKey) =>
        new(names.KeyMap(table), [new(OldKey, oldKey, true), new(NewKey, newKey, true)], [OldKey], [], []) { Schema = names.KeyMapSchema };

    public SqlStatement Count(string? schema, string table) => SqlStatement.Of($"SELECT COUNT(*) FROM {T(schema, table)}");

    /// <summary>A page of a hub: <c>key, business keys…</c> after <paramref name="last"/>, in key order.</summary>
    public SqlStatement HubPage(Hub hub, object? last, int size) => Page(
        $"SELECT t.{Q(hub.HashKeyColumn)}, {dialect.ColumnList(hub.BusinessKeys.Select(k => k.Name), "t")} FROM {T(hub.Schema, hub.TableName)} t",
        $"t.{Q(hub.HashKeyColumn)}",
        last,
        size);

    /// <summary>
    /// A page of a link with its hubs' business keys: <c>key, business keys of each hub…, dependent child keys…, each
    /// hub's key as found (NULL when the hub lacks the row)</c>, in key order.
    /// </summary>
    public SqlStatement LinkPage(Link link, object? last, int size)
    {
        var columns = new List<string> { $"t.{Q(link.HashKeyColumn)}" };
        var joins = new List<string>();
        for (var i = 0; i < link.Hubs.Count; i++)
        {
            var reference = link.Hubs[i];
            var alias = "r" + i.ToString(CultureInfo.InvariantCulture);
            columns.AddRange(reference.Hub.BusinessKeys.Select(k => $"{alias}.{Q(k.Name)}"));
            joins.Add($" LEFT JOIN {T(reference.Hub.Schema, reference.Hub.TableName)} {alias} ON {alias}.{Q(reference.Hub.HashKeyColumn)} = t.{Q(reference.HashKeyColumn)}");
        }

        columns.AddRange(link.DependentChildKeys.Select(k => $"t.{Q(k.Name)}"));
        columns.AddRange(link.Hubs.Select((r, i) => $"r{i.ToString(CultureInfo.InvariantCulture)}.{Q(r.Hub.HashKeyColumn)}"));
        return Page($"SELECT {string.Join(", ", columns)} FROM {T(link.Schema, link.TableName)} t{string.Concat(joins)}", $"t.{Q(link.HashKeyColumn)}", last, size);
    }

    /// <summary>
    /// A page of a satellite: <c>stored parent key</c>, then every column of <paramref name="target"/> in order — the
    /// parent's new key from its map in place of the stored one — after (<paramref name="lastKey"/>, <paramref name="lastRest"/>: the
    /// last row's load date and, for a multi-active satellite, its multi-active key), in primary-key order.
    /// </summary>
    public SqlStatement SatellitePage(Satellite satellite, TableDefinition target, object? lastKey, IReadOnlyList<object?>? lastRest, int size)
    {
        var key = $"t.{Q(satellite.ParentHashKeyColumn)}";
        // The keyset is the primary key: parent key, load date and, for a multi-active satellite, its multi-active key,
        // so a page never ends inside a set.
        string[] rest = [$"t.{Q(satellite.Parent.Naming.LoadDate)}", .. satellite.MultiActiveKeys.Select(k => $"t.{Q(k.Name)}")];
        var columns = target.Columns.Select(c => c.Name == satellite.ParentHashKeyColumn ? $"m.{Q(NewKey)}" : $"t.{Q(c.Name)}");
        var select = $"SELECT {key}, {string.Join(", ", columns)} FROM {T(satellite.Schema, satellite.TableName)} t JOIN {T(names.KeyMapSchema, names.KeyMap(satellite.Parent.TableName))} m ON m.{Q(OldKey)} = {key}";
        var where = string.Empty;
        List<SqlParameterValue> parameters = [];
        if (lastKey is not null)
        {
            var parameterNames = rest.Select((_, i) => i == 0 ? "d" : "m" + (i - 1).ToString(CultureInfo.InvariantCulture)).ToArray();
            // (a, b, c) > (@a, @b, @c), spelled out: a > @a OR (a = @a AND (b > @b OR (b = @b AND c > @c))).
            var after = $"{rest[^1]} > {P(parameterNames[^1])}";
            for (var i = rest.Length - 2; i >= 0; i--)
            {
                after = $"({rest[i]} > {P(parameterNames[i])} OR ({rest[i]} = {P(parameterNames[i])} AND {after}))";
            }

            where = $" WHERE {key} > {P("k")} OR ({key} = {P("k")} AND {after})";
            parameters = [new("k", lastKey), .. parameterNames.Select((n, i) => new SqlParameterValue(n, lastRest![i]))];
        }

        return new SqlStatement(dialect.Primitives.FirstRows($"{select}{where} ORDER BY {key}, {string.Join(", ", rest)}", size), parameters);
    }

    /// <summary>Up to five new keys that several stored keys map to.</summary>
    public SqlStatement MergedKeys(string map) => SqlStatement.Of(dialect.Primitives.FirstRows(
        $"SELECT {Q(NewKey)}, COUNT(*) FROM {T(names.KeyMapSchema, map)} GROUP BY {Q(NewKey)} HAVING COUNT(*) > 1 ORDER BY {Q(NewKey)}", 5));

    /// <summary>The business keys of a hub's stored rows that map to one new key.</summary>
    public SqlStatement RowsMappedTo(Hub hub, object newKey) => new(
        $"SELECT {dialect.ColumnList(hub.BusinessKeys.Select(k => k.Name), "t")} FROM {T(hub.Schema, hub.TableName)} t JOIN {T(names.KeyMapSchema, names.KeyMap(hub.TableName))} m ON m.{Q(OldKey)} = t.{Q(hub.HashKeyColumn)} WHERE m.{Q(NewKey)} = {P("k")}",
        [new("k", newKey)]);

    /// <summary>
    /// <c>INSERT INTO scratch SELECT …</c>: every column of the target table from the stored row, each mapped hash
    /// column replaced by its new key from the key map named beside it.
    /// </summary>
    public SqlStatement Copy(string sourceTable, TableDefinition target, IReadOnlyList<(string Column, string MapOf)> mapped)
    {
        var joins = string.Concat(mapped.Select((m, i) => $" JOIN {T(names.KeyMapSchema, names.KeyMap(m.MapOf))} m{i.ToString(CultureInfo.InvariantCulture)} ON m{i.ToString(CultureInfo.InvariantCulture)}.{Q(OldKey)} = t.{Q(m.Column)}"));
        var columns = target.Columns.Select(c =>
        {
            var index = IndexOf(mapped, c.Name);
            return index < 0 ? $"t.{Q(c.Name)}" : $"m{index.ToString(CultureInfo.InvariantCulture)}.{Q(NewKey)}";
        });
        return SqlStatement.Of(
            $"INSERT INTO {T(target.Schema, names.Scratch(target.Name))} ({dialect.ColumnList(target.Columns.Select(c => c.Name))}){Environment.NewLine}" +
            $"SELECT {string.Join(", ", columns)} FROM {T(target.Schema, sourceTable)} t{joins}");
    }

    /// <summary><c>INSERT INTO table SELECT … FROM scratch</c>.</summary>
    public SqlStatement FillFromScratch(TableDefinition target)
    {
        var columns = dialect.ColumnList(target.Columns.Select(c => c.Name));
        return SqlStatement.Of($"INSERT INTO {T(target.Schema, target.Name)} ({columns}) SELECT {columns} FROM {T(target.Schema, names.Scratch(target.Name))}");
    }

    private static int IndexOf(IReadOnlyList<(string Column, string MapOf)> mapped, string column)
    {
        for (var i = 0; i < mapped.Count; i++)
        {
            if (mapped[i].Column == column)
            {
                return i;
            }
        }

        return -1;
    }

    private SqlStatement Page(string select, string key, object? last, int size) => new(
        dialect.Primitives.FirstRows($"{select}{(last is null ? string.Empty : $" WHERE {key} > {P("k")}")} ORDER BY {key}", size),
        last is null ? [] : [new("k", last)]);

    private string Q(string identifier) => dialect.QuoteIdentifier(identifier);

    private string T(string? schema, string table) => dialect.QuoteTable(schema, table);

    private string P(string name) => dialect.ParameterPlaceholder(name);
}
