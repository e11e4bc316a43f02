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

            differences.AddRange(Compare(table, live.Rows.Select(r => (Name: Convert.ToString(r[0], CultureInfo.InvariantCulture) ?? string.Empty, NotNull: Convert.ToInt64(r[1], CultureInfo.InvariantCulture) != 0)).ToList()));
        }

        return new VaultDriftReport([.. tables.Select(t => t.Name)], missing, differences);
    }

    /// <summary>Column names are compared without regard to case: the engines that fold or ignore it would accept both.</summary>
    internal static IEnumerable<DriftDifference> Compare(TableDefinition expected, IReadOnlyList<(string Name, bool NotNull)> live)
    {
        var liveByName = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, notNull) in live)
        {
            liveByName[name] = notNull;
        }

        foreach (var column in expected.Columns)
        {
            if (!liveByName.TryGetValue(column.Name, out var notNull))
            {
                yield return new DriftDifference(expected.Name, column.Name, DriftKind.MissingColumn, $"{column.Type.Text} {Nullability(column.NotNull)}", null);
            }
            else if (notNull != column.NotNull)
            {
                yield return new DriftDifference(expected.Name, column.Name, DriftKind.NullabilityDiffers, Nullability(column.NotNull), Nullability(notNull));
            }
        }

        var declared = new HashSet<string>(expected.Columns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, notNull) in live.Where(c => !declared.Contains(c.Name)))
        {
            yield return new DriftDifference(expected.Name, name, DriftKind.UnexpectedColumn, null, Nullability(notNull));
        }
    }

    private static string Nullability(bool notNull) => notNull ? "NOT NULL" : "NULL";
}
