namespace Retail.Output;

/// <summary>How query results are printed.</summary>
internal enum OutputFormat
{
    /// <summary>A table for people.</summary>
    Table,

    /// <summary>CSV with a header (RFC 4180 quoting).</summary>
    Csv,

    /// <summary>A JSON array of objects, one per row.</summary>
    Json,
}
