using System.Data.Common;
using System.Globalization;

namespace DataVault.IntegrationTests.Scenarios;

/// <summary>Plain ADO.NET commands for the tests: providers bind DateOnly/TimeOnly natively, Dapper does not.</summary>
public static class Db
{
    public static async Task<int> ExecuteAsync(DbConnection connection, string sql, IReadOnlyList<object?>? values = null, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = values![i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync();
    }
}
