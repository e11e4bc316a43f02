using System.Globalization;
using Sylvan.Data.Csv;

namespace HashingDemo;

/// <summary>Reads customer rows with Sylvan.Data.Csv.</summary>
internal static class CustomerCsv
{
    private static readonly string[] Columns = ["customer_id", "name", "email", "birth_date", "credit_limit", "city"];

    /// <summary>Reads every row of <paramref name="path"/>.</summary>
    /// <param name="path">A comma-separated file with a header row.</param>
    /// <returns>The rows, in file order.</returns>
    /// <exception cref="InvalidDataException">A column is missing or a typed value does not parse.</exception>
    public static IReadOnlyList<Customer> Read(string path)
    {
        // The delimiter is set: auto-detection could pick '|', which occurs inside values.
        var options = new CsvDataReaderOptions { Delimiter = ',', HasHeaders = true };
        using var csv = CsvDataReader.Create(path, options);

        var ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < csv.FieldCount; i++)
        {
            ordinals.TryAdd(csv.GetName(i).Trim(), i);
        }

        var missing = Columns.Where(c => !ordinals.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"missing column(s) {string.Join(", ", missing)}; expected {string.Join(",", Columns)}.");
        }

        var customers = new List<Customer>();
        var row = 0;
        while (csv.Read())
        {
            row++;
            string Text(string column) => csv.GetString(ordinals[column]);

            customers.Add(new Customer(
                row,
                Text("customer_id"),
                Text("name"),
                Text("email"),
                ParseDate(Text("birth_date"), row),
                ParseDecimal(Text("credit_limit"), row),
                Text("city")));
        }

        return customers;
    }

    private static DateOnly? ParseDate(string text, int row)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidDataException($"row {row}: birth_date '{text}' is not a yyyy-MM-dd date.");
    }

    private static decimal? ParseDecimal(string text, int row)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"row {row}: credit_limit '{text}' is not a decimal number.");
    }
}
