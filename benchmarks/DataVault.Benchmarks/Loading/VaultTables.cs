using System.Data.Common;
using DataVault.Core.Sql;

namespace DataVault.Benchmarks.Loading;

/// <summary>The vault tables of <see cref="RetailLinesModel"/> with their columns, in load order, as a dialect creates them.</summary>
internal static class VaultTables
{
    public static IReadOnlyList<(string Name, string[] Columns)> Of(SqlDialect dialect)
    {
        var model = RetailLinesModel.Model;
        var options = DdlOptions.Default;
        TableDefinition[] tables =
        [
            .. model.Hubs.Select(h => dialect.HubTable(h, options)),
            .. model.Links.Select(l => dialect.LinkTable(l, options)),
            .. model.Satellites.Select(s => dialect.SatelliteTable(s, options)),
        ];
        return [.. tables.Select(t => (t.Name, t.Columns.Select(c => c.Name).ToArray()))];
    }

    /// <summary>Counts the rows of every vault table.</summary>
    public static async Task<Dictionary<string, long>> CountAsync(DbConnection connection, SqlDialect dialect)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, _) in Of(dialect))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {dialect.QuoteIdentifier(name)}";
            counts[name] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>Runs statements one by one.</summary>
    public static async Task ExecuteAsync(DbConnection connection, IEnumerable<SqlStatement> statements, DbTransaction? transaction = null)
    {
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement.Text;
            foreach (var p in statement.Parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = p.Name;
                parameter.Value = p.Value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            await command.ExecuteNonQueryAsync();
        }
    }
}
