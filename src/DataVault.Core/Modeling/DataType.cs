using System.Globalization;

namespace DataVault.Core.Modeling;

/// <summary>A portable column type: a <see cref="DataTypeKind"/> with its length, precision and scale.</summary>
public sealed record DataType
{
    private DataType(DataTypeKind kind, int? length = null, int? precision = null, int? scale = null)
    {
        Kind = kind;
        Length = length;
        Precision = precision;
        Scale = scale;
    }

    /// <summary>The kind of type.</summary>
    public DataTypeKind Kind { get; }

    /// <summary>The maximum length (characters for <see cref="DataTypeKind.String"/>, bytes for <see cref="DataTypeKind.Binary"/>), if any.</summary>
    public int? Length { get; }

    /// <summary>The precision of a <see cref="DataTypeKind.Decimal"/>.</summary>
    public int? Precision { get; }

    /// <summary>The scale of a <see cref="DataTypeKind.Decimal"/>.</summary>
    public int? Scale { get; }

    /// <summary>Text without a declared maximum length.</summary>
    public static DataType Text { get; } = new(DataTypeKind.Text);

    /// <summary>32-bit integer.</summary>
    public static DataType Int { get; } = new(DataTypeKind.Int);

    /// <summary>64-bit integer.</summary>
    public static DataType BigInt { get; } = new(DataTypeKind.BigInt);

    /// <summary>Calendar date.</summary>
    public static DataType Date { get; } = new(DataTypeKind.Date);

    /// <summary>Time of day with microseconds.</summary>
    public static DataType Time { get; } = new(DataTypeKind.Time);

    /// <summary>Timestamp without time zone, with microseconds.</summary>
    public static DataType Timestamp { get; } = new(DataTypeKind.Timestamp);

    /// <summary>Boolean.</summary>
    public static DataType Boolean { get; } = new(DataTypeKind.Boolean);

    /// <summary>UUID / GUID.</summary>
    public static DataType Guid { get; } = new(DataTypeKind.Guid);

    /// <summary>Variable-length text of at most <paramref name="maxLength"/> characters.</summary>
    /// <param name="maxLength">The maximum length in characters (checked by <see cref="DataVaultModelBuilder.Build()"/>).</param>
    /// <returns>The type.</returns>
    public static DataType String(int maxLength) => new(DataTypeKind.String, length: maxLength);

    /// <summary>Exact decimal with <paramref name="precision"/> digits, <paramref name="scale"/> of them after the point.</summary>
    /// <param name="precision">Total digits, 1 to 38.</param>
    /// <param name="scale">Fractional digits, 0 to min(precision, 28).</param>
    /// <returns>The type.</returns>
    public static DataType Decimal(int precision, int scale) => new(DataTypeKind.Decimal, precision: precision, scale: scale);

    /// <summary>Binary data, of at most <paramref name="maxLength"/> bytes when given.</summary>
    /// <param name="maxLength">The maximum length in bytes, or <see langword="null"/> for unbounded.</param>
    /// <returns>The type.</returns>
    public static DataType Binary(int? maxLength = null) => new(DataTypeKind.Binary, length: maxLength);

    /// <summary>Describes what is wrong with this type, or returns <see langword="null"/> when it is valid.</summary>
    /// <returns>The problem, or <see langword="null"/>.</returns>
    public string? Problem() => Kind switch
    {
        DataTypeKind.String when Length is not (>= 1 and <= 65_535) => "a string length must be between 1 and 65535 characters",
        DataTypeKind.Binary when Length is < 1 or > 65_535 => "a binary length must be between 1 and 65535 bytes",
        DataTypeKind.Decimal when Precision is not (>= 1 and <= 38) => "a decimal precision must be between 1 and 38",
        DataTypeKind.Decimal when Scale < 0 || Scale > Math.Min(Precision ?? 0, 28) => "a decimal scale must be between 0 and min(precision, 28)",
        _ when !Enum.IsDefined(Kind) => "unknown data type kind",
        _ => null,
    };

    /// <summary>The type as the model prints it: <c>string(50)</c>, <c>decimal(10,2)</c>, <c>date</c>, ...</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        DataTypeKind.String => string.Create(CultureInfo.InvariantCulture, $"string({Length})"),
        DataTypeKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"decimal({Precision},{Scale})"),
        DataTypeKind.Binary when Length is not null => string.Create(CultureInfo.InvariantCulture, $"binary({Length})"),
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
