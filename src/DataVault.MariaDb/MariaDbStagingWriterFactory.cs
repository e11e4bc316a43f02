using DataVault.Core.Loading;
using DataVault.Core.Loading.Providers;
using DataVault.Core.Sql;
using MySqlConnector;

namespace DataVault.MariaDb;

/// <summary>
/// Creates a <see cref="MariaDbStagingWriter"/> for MySqlConnector connections (MariaDB and MySQL); for any other
/// connection it returns <see langword="null"/>, so the loader asks its next factory. <see cref="MariaDbProvider"/> pairs
/// it with the MariaDB dialect (and <c>UseMariaDb()</c> registers both).
/// </summary>
/// <example>
/// <code>
/// var loader = MariaDbProvider.Default.CreateLoader(connection, model);   // this factory and SqlDialects.MariaDb
/// </code>
/// </example>
/// <param name="options">The writers' options, or <see langword="null"/> for <see cref="MariaDbStagingOptions.Default"/>.</param>
public sealed class MariaDbStagingWriterFactory(MariaDbStagingOptions? options = null) : StagingWriterFactory<MySqlConnection, MySqlTransaction>
{
    /// <summary>The options every writer of this factory gets.</summary>
    public MariaDbStagingOptions Options { get; } = options ?? MariaDbStagingOptions.Default;

    /// <summary>Two factories are equal when they give their writers equal options.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns><see langword="true"/> if <paramref name="obj"/> is a <see cref="MariaDbStagingWriterFactory"/> with equal <see cref="Options"/>.</returns>
    public override bool Equals(object? obj) => obj is MariaDbStagingWriterFactory other && Options == other.Options;

    /// <inheritdoc />
    public override int GetHashCode() => Options.GetHashCode();

    /// <inheritdoc />
    protected override IStagingWriter Create(MySqlConnection connection, MySqlTransaction transaction, SqlDialect dialect) =>
        new MariaDbStagingWriter(connection, transaction, dialect, Options);
}
