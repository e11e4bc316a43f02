namespace DataVault.Core.Sql;

/// <summary>Options of the DDL the dialects write.</summary>
public sealed record DdlOptions
{
    /// <summary>The defaults: foreign keys on, idempotent creation, <c>record_source</c> of 100 characters.</summary>
    public static DdlOptions Default { get; } = new();

    /// <summary>Whether links and satellites get foreign keys to their hubs and parents.</summary>
    public bool ForeignKeys { get; init; } = true;

    /// <summary>Whether creation is idempotent (<c>IF NOT EXISTS</c> or the engine's equivalent).</summary>
    public bool IfNotExists { get; init; } = true;

    /// <summary>The length of the <c>record_source</c> column.</summary>
    public int RecordSourceLength { get; init; } = 100;

    /// <summary>
    /// On engines with a native UUID type (PostgreSQL, DuckDB), store 16-byte binary hash keys as <c>uuid</c>, which
    /// loads and joins faster than text. Only for standards with <see cref="Hashing.HashOutputForm.Binary"/> output.
    /// </summary>
    public bool NativeUuidForBinaryKeys { get; init; }
}
