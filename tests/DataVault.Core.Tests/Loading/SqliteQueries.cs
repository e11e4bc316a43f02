using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DataVault.Core.Tests.Loading;

/// <summary>Reading a value back from a SQLite vault in the loader tests.</summary>
internal static class SqliteQueries
{
    /// <summary>The first column of the first row of <paramref name="sql"/>, converted to <typeparamref name="T"/>.</summary>
    public static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), CultureInfo.InvariantCulture);
    }
}
