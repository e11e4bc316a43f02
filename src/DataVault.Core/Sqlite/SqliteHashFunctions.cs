using System.Globalization;
using System.Text;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using Microsoft.Data.Sqlite;

namespace DataVault.Core.Sqlite;

/// <summary>
/// The SQL functions SQLite needs for in-database hashing, backed by the C# engine: <c>dv_canonical(value, type)</c>
/// (canonical text of a stored value), <c>dv_upper(text)</c> (Unicode simple upper-casing) and
/// <c>dv_hash_hex(algorithm, text)</c> (lower-case hex digest of the UTF-8 bytes).
/// </summary>
public static class SqliteHashFunctions
{
    /// <summary>The name of the canonical-text function.</summary>
    public const string Canonical = "dv_canonical";

    /// <summary>The name of the upper-casing function.</summary>
    public const string Upper = "dv_upper";

    /// <summary>The name of the hash function.</summary>
    public const string HashHex = "dv_hash_hex";

    /// <summary>Registers the functions on an open connection (they live as long as the connection).</summary>
    /// <param name="connection">The connection.</param>
    public static void Register(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.CreateFunction<object?, string, string?>(Canonical, CanonicalTextOf, isDeterministic: true);
        connection.CreateFunction<string?, string?>(Upper, text => text is null ? null : UnicodeCasing.ToUpper(text), isDeterministic: true);
        connection.CreateFunction<string, string?, string?>(HashHex, Hash, isDeterministic: true);
    }

    private static string? Hash(string algorithm, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var kind = Enum.Parse<HashAlgorithmKind>(algorithm);
        Span<byte> digest = stackalloc byte[DataVaultHasher.MaxHashLengthInBytes];
        var length = HashFunction.GetLengthInBytes(kind);
        HashFunction.Hash(kind, Encoding.UTF8.GetBytes(text), digest[..length]);
        return Convert.ToHexStringLower(digest[..length]);
    }

    /// <summary>The canonical text of a value as SQLite stores it (integer, real, text or blob) for a declared type.</summary>
    private static string? CanonicalTextOf(object? value, string type)
    {
        if (value is null or DBNull)
        {
            return null;
        }

        Span<char> text = stackalloc char[Hashing.CanonicalText.MaxScalarLength];
        var invariant = CultureInfo.InvariantCulture;
        switch (ParseKind(type, out var precision, out var scale))
        {
            case DataTypeKind.String or DataTypeKind.Text:
                return value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(value, invariant);
            case DataTypeKind.Int or DataTypeKind.BigInt:
                return Convert.ToString(value, invariant);
            case DataTypeKind.Decimal:
                var number = value switch
                {
                    long l => l,
                    double d => (decimal)d,
                    string s => decimal.Parse(s, NumberStyles.Float, invariant),
                    _ => throw new FormatException($"{value} is not a decimal"),
                };
                return new string(text[..Hashing.CanonicalText.Format(number, precision, scale, text)]);
            case DataTypeKind.Date:
                var date = value is string ds && ds.Length == 10 ? DateOnly.ParseExact(ds, Hashing.CanonicalText.DateFormat, invariant) : DateOnly.FromDateTime(ParseTimestamp(value));
                return new string(text[..Hashing.CanonicalText.Format(date, text)]);
            case DataTypeKind.Time:
                return new string(text[..Hashing.CanonicalText.Format(TimeOnly.Parse((string)value, invariant), text)]);
            case DataTypeKind.Timestamp:
                return new string(text[..Hashing.CanonicalText.Format(ParseTimestamp(value), text)]);
            case DataTypeKind.Boolean:
                return value switch
                {
                    long l => l != 0 ? "true" : "false",
                    string s => bool.Parse(s) ? "true" : "false",
                    _ => throw new FormatException($"{value} is not a boolean"),
                };
            case DataTypeKind.Guid:
                var guid = value is byte[] g ? new Guid(g) : Guid.Parse((string)value);
                return new string(text[..Hashing.CanonicalText.Format(guid, text)]);
            case DataTypeKind.Binary:
                return value is byte[] blob ? Convert.ToHexString(blob) : throw new FormatException("binary values are stored as blobs");
            default:
                throw new FormatException($"unknown type {type}");
        }
    }

    private static DateTime ParseTimestamp(object value)
    {
        var text = (string)value;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var offset) && HasOffset(text)
            ? offset.UtcDateTime
            : DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
    }

    private static bool HasOffset(string text) => text.EndsWith('Z') || (text.Length > 19 && (text[^6] is '+' or '-') && text[^3] == ':');

    private static DataTypeKind ParseKind(string type, out int precision, out int scale)
    {
        precision = 0;
        scale = 0;
        var open = type.IndexOf('(', StringComparison.Ordinal);
        var name = open < 0 ? type : type[..open];
        if (name == "decimal")
        {
            var numbers = type[(open + 1)..^1].Split(',');
            precision = int.Parse(numbers[0], CultureInfo.InvariantCulture);
            scale = int.Parse(numbers[1], CultureInfo.InvariantCulture);
        }

        return name switch
        {
            "string" => DataTypeKind.String,
            "binary" => DataTypeKind.Binary,
            _ => Enum.Parse<DataTypeKind>(name, ignoreCase: true),
        };
    }
}
