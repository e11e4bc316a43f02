// HashingDemo: Data Vault 2.0 hash keys and hash diffs computed from a CSV file.
//
//   dotnet run --project samples/HashingDemo                 # the checked-in data/customers.csv
//   dotnet run --project samples/HashingDemo -- other.csv    # any CSV with the same header
//
// The CSV needs the columns customer_id, name, email, birth_date (yyyy-MM-dd), credit_limit (decimal(10,2)) and city,
// in any order; empty birth_date / credit_limit cells are NULL.

using System.Globalization;
using System.Text;
using DataVault.Core.Hashing;
using HashingDemo;

Console.OutputEncoding = Encoding.UTF8;

var path = args.Length > 0
    ? Path.GetFullPath(args[0])
    : Path.Combine(AppContext.BaseDirectory, "data", "customers.csv");

if (!File.Exists(path))
{
    Console.Error.WriteLine($"CSV file not found: {path}");
    return 2;
}

IReadOnlyList<Customer> customers;
try
{
    customers = CustomerCsv.Read(path);
}
catch (InvalidDataException ex)
{
    Console.Error.WriteLine($"{path}: {ex.Message}");
    return 1;
}

var hasher = DataVaultHasher.Default;

// 1. The table: one hash key and one hash diff per row.
var rows = new List<string[]>(customers.Count);
foreach (var customer in customers)
{
    string? diff;
    try
    {
        diff = DemoHashes.HashDiff(hasher, customer);
    }
    catch (ArgumentOutOfRangeException ex)
    {
        // A credit limit that does not fit decimal(10,2) is an error, never silently rounded.
        Console.Error.WriteLine($"{path}, row {customer.Row}: {ex.Message}");
        return 1;
    }

    rows.Add(
    [
        customer.Row.ToString(CultureInfo.InvariantCulture),
        $"'{customer.CustomerId}'",
        DemoHashes.HashKey(hasher, customer.CustomerId) ?? "(NULL)",
        diff ?? "(NULL)",
        customer.Name,
    ]);
}

Console.WriteLine($"DataVault.Core hashing demo: {customers.Count} rows from {path}");
Console.WriteLine($"Standard '{hasher.Standard.Id}': {hasher.Standard.Algorithm}, {hasher.Standard.OutputForm}, delimiter '{hasher.Standard.Delimiter}', NULL token '{hasher.Standard.NullToken}'.");
Console.WriteLine("Hash key  = hash of customer_id (trimmed, upper-cased).");
Console.WriteLine("Hash diff = hash of name, email, birth_date, credit_limit as decimal(10,2), city (trimmed, case kept).");
Console.WriteLine();
Table.Print(["row", "customer_id (as read)", "hash key", "hash diff", "name"], rows);
Console.WriteLine();

var distinctKeys = customers.Select(c => hasher.HashKeyHex(c.CustomerId)).Distinct(StringComparer.Ordinal).Count();
Console.WriteLine($"{customers.Count} rows, {distinctKeys} distinct hash keys: rows with the same key are the same hub entry;");
Console.WriteLine("a different hash diff for the same key is a new satellite version.");
Console.WriteLine();

// 2. The standardisation makes differently written business keys equal.
const string Messy = "cust0001 ";
const string Clean = "CUST0001";
var messyKey = hasher.HashKeyHex(Messy);
var cleanKey = hasher.HashKeyHex(Clean);
Console.WriteLine("Same business key, written differently:");
Console.WriteLine($"  '{Messy}' -> {messyKey}");
Console.WriteLine($"  '{Clean}'  -> {cleanKey}");
Console.WriteLine(string.Equals(messyKey, cleanKey, StringComparison.Ordinal)
    ? "  Equal: trimming and upper-casing happen before hashing."
    : "  NOT equal (unexpected under this standard).");
Console.WriteLine();

// 3. What is hashed for a value that contains the delimiter character.
var piped = customers.FirstOrDefault(c => c.Name.Contains('|', StringComparison.Ordinal));
if (piped is not null)
{
    Console.WriteLine($"The bytes hashed for the diff of row {piped.Row} ('{piped.Name}'), as text:");
    Console.WriteLine($"  {DemoHashes.DiffInput(hasher, piped)}");
    Console.WriteLine("  The '|' in the value is escaped, so it cannot be mistaken for the '||' delimiter.");
    Console.WriteLine();
}

// 4. The same key under the three built-in standards.
Console.WriteLine($"The hash key of '{Clean}' under each built-in standard:");
var standardRows = new List<string[]>();
foreach (var standard in new[] { HashingStandards.Default, HashingStandards.AutomateDv, HashingStandards.DataVault4Dbt })
{
    var other = new DataVaultHasher(standard);
    standardRows.Add(
    [
        standard.Id,
        standard.OutputForm.ToString(),
        DemoHashes.KeyInput(other, Clean),
        other.HashKeyHex(Clean) ?? "(NULL)",
    ]);
}

Table.Print(["standard", "stored as", "hashed text", "hash key (hex)"], standardRows);
Console.WriteLine("A hub loaded under one standard must always be hashed under that standard: store its id with the vault.");
Console.WriteLine("The rules of each standard are in docs/hashing.md.");
return 0;
