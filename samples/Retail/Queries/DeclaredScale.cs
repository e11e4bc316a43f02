using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using Retail.Database;

namespace Retail.Queries;

/// <summary>
/// Gives the decimal columns of a query result their declared scale: SQLite returns a <c>DECIMAL(10,2)</c> of
/// <c>420.00</c> as <c>420</c> and <c>89.90</c> as <c>89.9</c> (NUMERIC affinity), so the query output would differ by
/// engine. Each decimal column is read back with the library's <see cref="SqlTypeMap.ReadDecimal"/> for its declared type:
/// the satellites' attributes with the model's type, the sums of money with <c>decimal(38,2)</c>.
/// </summary>
internal static class DeclaredScale
{
    /// <summary>The scale of the sums and averages of money (<c>ROUND(…, 2)</c> in the queries) with room for any total.</summary>
    public static DataType MoneyTotal { get; } = DataType.Decimal(38, 2);

    /// <summary>The declared type of each decimal column the queries return, by column name.</summary>
    public static IReadOnlyDictionary<string, DataType> Columns { get; } = Create();

    /// <summary>The result with every decimal column as a <see cref="decimal"/> of its declared scale.</summary>
    /// <param name="result">The rows as the provider returned them.</param>
    /// <param name="types">The dialect's type map.</param>
    /// <returns>The rows.</returns>
    public static QueryResult Apply(QueryResult result, SqlTypeMap types)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(types);
        var declared = result.Columns.Select(c => Columns.TryGetValue(c, out var type) ? type : null).ToArray();
        if (declared.All(t => t is null))
        {
            return result;
        }

        var rows = result.Rows.Select(row => row.Select((value, i) => declared[i] is { } type && value is not null ? types.ReadDecimal(value, type) : value).ToArray()).ToList();
        return new QueryResult(result.Columns, rows);
    }

    private static Dictionary<string, DataType> Create()
    {
        var columns = new Dictionary<string, DataType>(StringComparer.Ordinal);
        foreach (var attribute in RetailModel.Model.Satellites.SelectMany(s => s.Attributes).Where(a => a.Type.Kind == DataTypeKind.Decimal))
        {
            columns.TryAdd(attribute.Name, attribute.Type);
        }

        columns["historical_price"] = RetailModel.Money;
        foreach (var total in new[] { "total_revenue", "total_profit", "avg_transaction_value", "revenue" })
        {
            columns[total] = MoneyTotal;
        }

        // top-products' profit is a sum too: the wider type holds both it and a line's profit.
        columns["profit"] = MoneyTotal;
        return columns;
    }
}
