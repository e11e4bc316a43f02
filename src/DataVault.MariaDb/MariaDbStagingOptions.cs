namespace DataVault.MariaDb;

/// <summary>Options of <see cref="MariaDbStagingWriter"/>.</summary>
public sealed record MariaDbStagingOptions
{
    /// <summary>The placeholders one prepared statement may hold: the server's limit is 65,535.</summary>
    public const int MaxParametersPerStatement = 60_000;

    /// <summary>The defaults: <see cref="MariaDbStagingMethod.Auto"/>, 500 rows per <c>INSERT</c>.</summary>
    public static MariaDbStagingOptions Default { get; } = new();

    /// <summary>How rows are sent (default <see cref="MariaDbStagingMethod.Auto"/>).</summary>
    public MariaDbStagingMethod Method { get; init; } = MariaDbStagingMethod.Auto;

    /// <summary>
    /// The most rows one <c>INSERT</c> statement carries (default 500, the fastest of 50 to 6,666 rows measured on
    /// MariaDB 10.11 for a 9-column table), lowered for wide tables to stay within
    /// <see cref="MaxParametersPerStatement"/> and for large values to stay within half the server's
    /// <c>max_allowed_packet</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxRowsPerInsert
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "An INSERT carries at least one row.");
    } = 500;
}
