using System.Data.Common;
using System.Globalization;
using System.Text;
using DataVault.Core.Sql;
using FluentAssertions;
using Retail;

namespace DataVault.Retail.Tests;

/// <summary>The rows of every vault table as sorted text (not the batch log, whose times and ids differ by run).</summary>
internal static class VaultDump
{
    /// <summary>The dump of a database without vault rows (tables missing, or holding only the ghost records).</summary>
    public const string Empty = "";

    /// <summary>The dump of a SQLite vault file.</summary>
    public static async Task<string> OfSqliteFileAsync(string path)
    {
        var database = new SqliteTestDatabase(path);
        return await OfAsync(database);
    }

    public static async Task<string> OfAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        var model = RetailModel.Model;
        var dump = new StringBuilder();
        foreach (var table in model.Hubs.Select(h => h.TableName).Concat(model.Links.Select(l => l.TableName)).Concat(model.Satellites.Select(s => s.TableName)).Order(StringComparer.Ordinal))
        {
            var rows = new List<string>();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {database.Dialect.QuoteIdentifier(table)}";
                await using var reader = await command.ExecuteReaderAsync();
                var source = Enumerable.Range(0, reader.FieldCount).FirstOrDefault(i => reader.GetName(i) == "record_source", -1);
                while (await reader.ReadAsync())
                {
                    if (source >= 0 && reader.GetValue(source) is SqlDialect.GhostRecordSource)
                    {
                        continue; // the ghost records EnsureVaultAsync writes: not the batch's
                    }

                    var values = new string[reader.FieldCount];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = reader.IsDBNull(i) ? "NULL" : Text(reader.GetValue(i));
                    }

                    rows.Add(string.Join("|", values));
                }
            }
            catch (DbException)
            {
                if (await TableExistsAsync(database, table))
                {
                    throw;
                }

                continue; // killed before the vault's tables were created
            }

            if (rows.Count == 0)
            {
                continue;
            }

            rows.Sort(StringComparer.Ordinal);
            dump.Append(CultureInfo.InvariantCulture, $"== {table} ({rows.Count} rows)\n");
            foreach (var row in rows)
            {
                dump.Append(row).Append('\n');
            }
        }

        return dump.ToString();
    }

    /// <summary>The status of every batch log entry, in id order (none if the log was never created).</summary>
    public static async Task<List<string>> BatchStatusesAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {database.Dialect.QuoteIdentifier("status")} FROM {database.Dialect.QuoteIdentifier("etl_batch_log")} ORDER BY {database.Dialect.QuoteIdentifier("batch_id")}";
        var statuses = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            statuses.Add(reader.GetString(0));
        }

        return statuses;
    }

    /// <summary>Fails unless the engine finds the database intact (SQLite's integrity check; a server checks itself).</summary>
    public static async Task CheckIntegrityAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = database is SqliteTestDatabase ? "PRAGMA integrity_check" : "SELECT 'ok'";
        (await command.ExecuteScalarAsync()).Should().Be("ok");
    }

    private static async Task<bool> TableExistsAsync(TestDatabase database, string table)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {database.Dialect.QuoteIdentifier(table)} WHERE 1 = 0";
        try
        {
            await command.ExecuteScalarAsync();
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private static string Text(object value) => value switch
    {
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        byte[] b => Convert.ToHexString(b),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
