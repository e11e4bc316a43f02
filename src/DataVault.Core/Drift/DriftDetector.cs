using System.Data.Common;
using System.Globalization;
using DataVault.Core.Execution;
using DataVault.Core.Sql;

namespace DataVault.Core.Drift;

/// <summary>
/// Compares table definitions with the columns, indexes and foreign keys the live database reports
/// (<see cref="SqlDialect.ListColumns"/>), and views by their columns' names only (a view that does not exist is
/// created by ensure, not drift).
/// </summary>
internal static class DriftDetector
{
    public static async Task<VaultDriftReport> DetectAsync(VaultSession session, IReadOnlyList<TableDefinition> tables, IReadOnlyList<TableDefinition> views, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        var differences = new List<DriftDifference>();
        foreach (var table in tables)
        {
            var live = await session.QueryAsync(session.Dialect.ListColumns(table.Name, table.Schema), transaction, null, cancellationToken).ConfigureAwait(false);
            if (live.Rows.Count == 0)
            {
                missing.Add(table.Name);
                continue;
            }

            differences.AddRange(Compare(session.Dialect, table, [.. live.Rows.Select(r => new LiveColumn(
                Convert.ToString(r[0], CultureInfo.InvariantCulture) ?? string.Empty,
                Convert.ToInt64(r[1], CultureInfo.InvariantCulture) != 0,
                r.Length > 2 && r[2] is not null and not DBNull ? Convert.ToString(r[2], CultureInfo.InvariantCulture) : null,
                r.Length > 3 && r[3] is not null and not DBNull ? Convert.ToInt32(r[3], CultureInfo.InvariantCulture) : 0))]));
            if (table.ForeignKeys.Count > 0)
            {
                var keys = await session.QueryAsync(session.Dialect.ListForeignKeys(table.Name, table.Schema), transaction, null, cancellationToken).ConfigureAwait(false);
                differences.AddRange(CompareForeignKeys(table, [.. keys.Rows.Select(r => (Column: Convert.ToString(r[0], CultureInfo.InvariantCulture) ?? string.Empty, Table: Convert.ToString(r[1], CultureInfo.InvariantCulture) ?? string.Empty, Referenced: Convert.ToString(r[2], CultureInfo.InvariantCulture) ?? string.Empty))]));
            }

            if (table.Indexes.Count > 0 && session.Dialect.Capabilities.SecondaryIndexes)
            {
                var indexes = await session.QueryAsync(session.Dialect.ListIndexes(table.Name, table.Schema), transaction, null, cancellationToken).ConfigureAwait(false);
                differences.AddRange(CompareIndexes(table, [.. indexes.Rows.Select(r => (Index: Convert.ToString(r[0], CultureInfo.InvariantCulture) ?? string.Empty, Column: Convert.ToString(r[1], CultureInfo.InvariantCulture) ?? string.Empty))]));
            }
        }

        foreach (var view in views)
        {
            var live = await session.QueryAsync(session.Dialect.ListColumns(view.Name, view.Schema), transaction, null, cancellationToken).ConfigureAwait(false);
            var columns = live.Rows.Select(r => Convert.ToString(r[0], CultureInfo.InvariantCulture) ?? string.Empty).ToList();
            if (columns.Count > 0 && !columns.SequenceEqual(view.Columns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase))
            {
                differences.Add(new DriftDifference(view.Name, "columns", DriftKind.ViewDiffers, Key([.. view.Columns.Select(c => c.Name)]), Key(columns)));
            }
        }

        return new VaultDriftReport([.. tables.Select(t => t.Name)], missing, differences);
    }

    /// <summary>
    /// Column names are compared without regard to case: the engines that fold or ignore it would accept both. Types are
    /// compared where the catalog reports them (<see cref="SqlDialect.SameColumnType"/>).
    /// </summary>
    internal static IEnumerable<DriftDifference> Compare(SqlDialect dialect, TableDefinition expected, IReadOnlyList<LiveColumn> live)
    {
        var liveByName = new Dictionary<string, LiveColumn>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in live)
        {
            liveByName[column.Name] = column;
        }

        foreach (var column in expected.Columns)
        {
            if (!liveByName.TryGetValue(column.Name, out var found))
            {
                yield return new DriftDifference(expected.Name, column.Name, DriftKind.MissingColumn, $"{column.Type.Text} {Nullability(column.NotNull)}", null);
                continue;
            }

            if (found.Type is { } type && !dialect.SameColumnType(column.Type.Text, type))
            {
                yield return new DriftDifference(expected.Name, column.Name, DriftKind.TypeDiffers, column.Type.Text, type);
            }

            if (found.NotNull != column.NotNull)
            {
                yield return new DriftDifference(expected.Name, column.Name, DriftKind.NullabilityDiffers, Nullability(column.NotNull), Nullability(found.NotNull));
            }
        }

        var livePrimaryKey = live.Where(c => c.PrimaryKeyPosition > 0).OrderBy(c => c.PrimaryKeyPosition).Select(c => c.Name).ToList();
        if (!livePrimaryKey.SequenceEqual(expected.PrimaryKey, StringComparer.OrdinalIgnoreCase))
        {
            yield return new DriftDifference(expected.Name, "PRIMARY KEY", DriftKind.PrimaryKeyDiffers, Key(expected.PrimaryKey), Key(livePrimaryKey));
        }

        var declared = new HashSet<string>(expected.Columns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var column in live.Where(c => !declared.Contains(c.Name)))
        {
            yield return new DriftDifference(expected.Name, column.Name, DriftKind.UnexpectedColumn, null, Nullability(column.NotNull));
        }
    }

    /// <summary>
    /// Every foreign key of the model must be there: its column referring to the table and column the model says (names
    /// compared without regard to case). Foreign keys the model does not declare are not drift.
    /// </summary>
    internal static IEnumerable<DriftDifference> CompareForeignKeys(TableDefinition expected, IReadOnlyList<(string Column, string Table, string Referenced)> live)
    {
        foreach (var key in expected.ForeignKeys)
        {
            if (!live.Any(k => string.Equals(k.Column, key.Column, StringComparison.OrdinalIgnoreCase)
                && string.Equals(k.Table, key.ReferencedTable, StringComparison.OrdinalIgnoreCase)
                && string.Equals(k.Referenced, key.ReferencedColumn, StringComparison.OrdinalIgnoreCase)))
            {
                yield return new DriftDifference(expected.Name, key.Column, DriftKind.MissingForeignKey, $"{key.ReferencedTable}({key.ReferencedColumn})", null);
            }
        }
    }

    /// <summary>
    /// Every secondary index of the model must be there, by name, over the same columns in order (names compared without
    /// regard to case). Indexes the model does not declare are not drift: adding one for a query is the DBA's right.
    /// </summary>
    internal static IEnumerable<DriftDifference> CompareIndexes(TableDefinition expected, IReadOnlyList<(string Index, string Column)> live)
    {
        var liveIndexes = live.GroupBy(r => r.Index, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Select(r => r.Column).ToList(), StringComparer.OrdinalIgnoreCase);
        foreach (var index in expected.Indexes)
        {
            if (!liveIndexes.TryGetValue(index.Name, out var columns))
            {
                yield return new DriftDifference(expected.Name, index.Name, DriftKind.MissingIndex, Key(index.Columns), null);
            }
            else if (!columns.SequenceEqual(index.Columns, StringComparer.OrdinalIgnoreCase))
            {
                yield return new DriftDifference(expected.Name, index.Name, DriftKind.IndexDiffers, Key(index.Columns), Key(columns));
            }
        }
    }

    /// <summary>A column as the catalog reports it; <see cref="Type"/> is null where types are not compared; <see cref="PrimaryKeyPosition"/> from 1, 0 when not in the key.</summary>
    internal sealed record LiveColumn(string Name, bool NotNull, string? Type, int PrimaryKeyPosition);

    private static string Key(IReadOnlyList<string> columns) => columns.Count == 0 ? "none" : $"({string.Join(", ", columns)})";

    private static string Nullability(bool notNull) => notNull ? "NOT NULL" : "NULL";
}
