using System.Data.Common;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using Microsoft.Extensions.Logging;

namespace DataVault.Core.Loading.Providers;

/// <summary>
/// A database engine as the loader needs it, in one value: the dialect that writes the engine's SQL, paired with the
/// fast staging writer of its driver (binary <c>COPY</c>, bulk insert, appender) where there is one. Pairing them in
/// one place is what keeps a user from loading PostgreSQL with the generic writer, or from handing the PostgreSQL writer
/// to a DuckDB vault.
/// </summary>
/// <remarks>
/// <para>
/// Each provider package ships its provider (<c>PostgreSqlProvider.Default</c>, <c>MariaDbProvider.Default</c>,
/// <c>DuckDbProvider.Default</c>; <see cref="SqliteProvider.Default"/> is in the core). With dependency injection the
/// builder's <c>Use…()</c> methods register one (<c>services.AddDataVault(model, connectionFactory).UsePostgreSql()</c>);
/// without it, <see cref="CreateLoader"/> is the same pairing in one call.
/// </para>
/// <para>Immutable and thread-safe, like the dialect and the writer factory it holds.</para>
/// </remarks>
public sealed class DataVaultProvider
{
    /// <summary>Pairs a dialect with its fast staging writer.</summary>
    /// <param name="dialect">The dialect of the engine.</param>
    /// <param name="stagingWriter">
    /// The driver's fast staging writer, or <see langword="null"/> where the generic <see cref="CommandStagingWriter"/>
    /// is the engine's fast path (SQLite).
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="dialect"/> is <see langword="null"/>.</exception>
    public DataVaultProvider(SqlDialect dialect, IStagingWriterFactory? stagingWriter)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        Dialect = dialect;
        StagingWriter = stagingWriter;
    }

    /// <summary>The engine's name: the dialect's <see cref="SqlDialect.Name"/>, e.g. <c>PostgreSQL</c>.</summary>
    public string Name => Dialect.Name;

    /// <summary>The dialect that writes the engine's SQL.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The fast staging writer, or <see langword="null"/> when the generic writer is the engine's fast path.</summary>
    public IStagingWriterFactory? StagingWriter { get; }

    /// <summary>
    /// <paramref name="options"/> with this provider's staging writer added after the writers it already names (those
    /// are asked first, so a writer chosen by hand still wins); unchanged when the writer is already there or there is none.
    /// </summary>
    /// <param name="options">The load options.</param>
    /// <returns>The options the loader needs for this engine.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public LoadOptions ApplyTo(LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return StagingWriter is null || options.StagingWriters.Contains(StagingWriter)
            ? options
            : options with { StagingWriters = [.. options.StagingWriters, StagingWriter] };
    }

    /// <summary>A loader on <paramref name="connection"/> with this provider's dialect and staging writer.</summary>
    /// <param name="connection">The connection (the caller owns it; the loader opens it if it is closed).</param>
    /// <param name="model">The vault's model.</param>
    /// <param name="options">Load options, or <see langword="null"/> for <see cref="LoadOptions.Default"/>; the provider's writer is added to them (<see cref="ApplyTo"/>).</param>
    /// <param name="logger">The loader's logger, or <see langword="null"/>.</param>
    /// <returns>The loader.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> or <paramref name="model"/> is <see langword="null"/>.</exception>
    public VaultLoader CreateLoader(DbConnection connection, DataVaultModel model, LoadOptions? options = null, ILogger? logger = null) =>
        new(connection, Dialect, model, ApplyTo(options ?? LoadOptions.Default), logger);

    /// <summary>The engine's name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;

    /// <summary>
    /// Whether <paramref name="other"/> configures the same thing: the same dialect and an equal staging writer (so a
    /// second <c>Use…()</c> of the same provider with the same settings changes nothing).
    /// </summary>
    internal bool IsSameAs(DataVaultProvider other) =>
        ReferenceEquals(this, other) || (ReferenceEquals(Dialect, other.Dialect) && Equals(StagingWriter, other.StagingWriter));
}
