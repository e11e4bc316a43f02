using System.Data.Common;
using System.Globalization;
using DataVault.Core.Execution;
using DataVault.Core.Sql;

namespace DataVault.Core.Drift;

/// <summary>Compares table definitions with the columns the live database reports (<see cref="SqlDialect.ListColumns"/>).</summary>
internal static class DriftDetector
{
    public static async Task<VaultDriftReport> DetectAsync(VaultSession session, IReadOnlyList<TableDefinition> tables, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        var differences = new List<DriftDifference>();
        foreach (var table in tables)
        {
            var live = await session.QueryAsync(session.Dialect.ListColumns(table.Name), transaction, null, cancellationToken).ConfigureAwait(false);
            if (live.Rows.Count == 0)
            {
                missing.Add(table.Name);
                continue;
            }

            differences.AddRange(Compare(session.Dialect, table, [.. live.Rows.Select(r => new LiveColumn(
                Convert.ToString(r[0], CultureInfo.InvariantCulture) ?? string.Empty,
                Convert.ToInt64(r[1], CultureInfo.InvariantCulture) != 0,
                r.Length > 2 && r[2] is not null and not DBNull ? Convert.ToString(r[2], CultureInfo.InvariantCulture) : null))]));
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

        var declared = new HashSet<string>(expected.Columns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var column in live.Where(c => !declared.Contains(c.Name)))
        {
            yield return new DriftDifference(expected.Name, column.Name, DriftKind.UnexpectedColumn, null, Nullability(column.NotNull));
        }
    }

    /// <summary>A column as the catalog reports it; <see cref="Type"/> is null where types are not compared.</summary>
    internal sealed record LiveColumn(string Name, bool NotNull, string? Type);

    private static string Nullability(bool notNull) => notNull ? "NOT NULL" : "NULL";
}
