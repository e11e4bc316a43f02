namespace DataVault.Core.Modeling;

/// <summary>The portable column types of a vault; each dialect maps them to its own SQL types.</summary>
public enum DataTypeKind
{
    /// <summary>Variable-length text with a maximum length in characters.</summary>
    String = 0,

    /// <summary>Text without a declared maximum length.</summary>
    Text = 1,

    /// <summary>32-bit integer.</summary>
    Int = 2,

    /// <summary>64-bit integer.</summary>
    BigInt = 3,

    /// <summary>Exact decimal with a precision and a scale.</summary>
    Decimal = 4,

    /// <summary>Calendar date.</summary>
    Date = 5,

    /// <summary>Time of day with microseconds.</summary>
    Time = 6,

    /// <summary>Timestamp without time zone, with microseconds.</summary>
    Timestamp = 7,

    /// <summary>Boolean.</summary>
    Boolean = 8,

    /// <summary>UUID / GUID.</summary>
    Guid = 9,

    /// <summary>Binary data, optionally with a maximum length in bytes.</summary>
    Binary = 10,
}
