using System.Text;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Sql.Writers;

namespace DataVault.Core.Sql;

/// <summary>
/// Writes DDL and set-based, insert-only load SQL for one database engine — the face users pass around
/// (<see cref="SqlDialects.PostgreSql"/>, …). A dialect is assembled from roles that its engine configures: a
/// <see cref="SqlQuoter"/> (identifiers, placeholders, literals), a <see cref="SqlTypeMap"/> (types and values),
/// <see cref="SqlPrimitives"/> (the expressions of in-database hashing and date arithmetic) and
/// <see cref="DialectCapabilities"/> (what the engine can do, as data). The statements come from writers per structure
/// that use only those roles; where an engine really differs, it overrides one primitive or one <c>…Core</c> method.
/// docs/dialects.md shows a complete small dialect.
/// </summary>
/// <remarks>
/// Every identifier is validated and then quoted; every data value is a parameter. The only literals are the hashing
/// standard's own constants, written by the quoter. A feature the engine lacks is an <see cref="UnsupportedSqlFeatureException"/>.
/// Dialects are immutable and thread-safe once built.
/// </remarks>
public abstract partial class SqlDialect : IModelTarget
{
    private readonly DdlWriter _ddl;
    private readonly KeyLoadWriter _keys;
    private readonly SatelliteLoadWriter _satellites;
    private readonly StatusTrackingWriter _statuses;
    private readonly ExtendedTrackingWriter _extendedTracking;
    private readonly EffectivityChangesWriter _effectivityChanges;
    private readonly PitWriter _pits;
    private readonly HashSqlWriter _hashing;

    /// <summary>Assembles a dialect from its roles; each role instance serves this dialect only.</summary>
    /// <param name="name">The engine's name, e.g. <c>PostgreSQL</c>.</param>
    /// <param name="quoter">Identifiers, placeholders and literals.</param>
    /// <param name="types">The type map.</param>
    /// <param name="primitives">The expression primitives.</param>
    /// <param name="capabilities">What the engine can do.</param>
    protected SqlDialect(string name, SqlQuoter quoter, SqlTypeMap types, SqlPrimitives primitives, DialectCapabilities capabilities)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(quoter);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(primitives);
        ArgumentNullException.ThrowIfNull(capabilities);
        Name = name;
        Quoter = quoter;
        Types = types;
        Primitives = primitives;
        Capabilities = capabilities;
        quoter.AttachTo(this);
        types.AttachTo(this);
        primitives.AttachTo(this);
        _ddl = new DdlWriter(this);
        _keys = new KeyLoadWriter(this);
        _satellites = new SatelliteLoadWriter(this);
        _statuses = new StatusTrackingWriter(this);
        _extendedTracking = new ExtendedTrackingWriter(this);
        _effectivityChanges = new EffectivityChangesWriter(this);
        _pits = new PitWriter(this);
        _hashing = new HashSqlWriter(this);
    }

    /// <summary>The engine's name, e.g. <c>PostgreSQL</c>.</summary>
    public string Name { get; }

    /// <summary>Identifiers, placeholders and the hashing standard's constants.</summary>
    public SqlQuoter Quoter { get; }

    /// <summary>The type map: portable types to SQL types, hash columns, values to bind.</summary>
    public SqlTypeMap Types { get; }

    /// <summary>The expression primitives of in-database hashing and date arithmetic.</summary>
    public SqlPrimitives Primitives { get; }

    /// <summary>What the engine can do.</summary>
    public DialectCapabilities Capabilities { get; }

    /// <summary>The longest identifier the engine accepts, in bytes (the quoter's).</summary>
    public int MaxIdentifierLength => Quoter.MaxIdentifierLength;

    /// <summary>Validates and quotes an identifier (<see cref="SqlQuoter.QuoteIdentifier"/>).</summary>
    /// <param name="identifier">A safe identifier.</param>
    /// <returns>The quoted identifier.</returns>
    /// <exception cref="ArgumentException">The identifier is not safe; it is never escaped into SQL.</exception>
    public string QuoteIdentifier(string identifier) => Quoter.QuoteIdentifier(identifier);

    /// <summary>Validates and quotes a table or view name in its schema (<see cref="SqlQuoter.QuoteTable"/>).</summary>
    /// <param name="schema">The schema, or <see langword="null"/> for the default schema.</param>
    /// <param name="name">The table or view.</param>
    /// <returns>The quoted name.</returns>
    public string QuoteTable(string? schema, string name) => Quoter.QuoteTable(schema, name);

    /// <summary>Whether the engine has database schemas (<see cref="DialectCapabilities.Schemas"/>).</summary>
    public bool SupportsSchemas => Capabilities.Schemas;

    /// <summary>The placeholder of a named parameter in SQL text (<see cref="SqlQuoter.ParameterPlaceholder"/>).</summary>
    /// <param name="name">The parameter name (a safe identifier).</param>
    /// <returns>The placeholder.</returns>
    public string ParameterPlaceholder(string name) => Quoter.ParameterPlaceholder(name);

    /// <summary>The ADO.NET parameter name that binds a named parameter (<see cref="SqlQuoter.ParameterName"/>).</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The name to give the ADO.NET parameter.</returns>
    public string ParameterName(string name) => Quoter.ParameterName(name);

    /// <summary>The SQL type text of a portable type (<see cref="SqlTypeMap.For"/>).</summary>
    /// <param name="type">The portable type.</param>
    /// <returns>The type text.</returns>
    public string TypeName(DataType type) => Types.For(type).Text;

    /// <summary>The value to bind for a column of <paramref name="type"/> (<see cref="SqlTypeMap.ToDbValue"/>).</summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    /// <param name="type">The column's portable type.</param>
    /// <returns>The value to bind.</returns>
    public object ToDbValue(object? value, DataType type) => Types.ToDbValue(value, type);

    /// <summary>The zero key of a hash column as a parameter value (<see cref="SqlTypeMap.ZeroKey"/>).</summary>
    /// <param name="standard">The key's hashing standard.</param>
    /// <param name="options">DDL options.</param>
    /// <returns>The value.</returns>
    public object ZeroKeyValue(HashingStandard standard, DdlOptions options) => Types.ZeroKey(standard, options);

    /// <summary>The exception for a feature this engine lacks.</summary>
    /// <param name="feature">What was asked for.</param>
    /// <param name="reason">Why not, and what to do instead.</param>
    /// <returns>The exception, to throw.</returns>
    protected internal UnsupportedSqlFeatureException Unsupported(string feature, string reason) => new(Name, feature, reason);

    /// <summary>Joins quoted identifiers with commas, each optionally after a table alias.</summary>
    /// <param name="names">The identifiers.</param>
    /// <param name="prefix">An optional table alias, e.g. <c>s</c>.</param>
    /// <returns>The list.</returns>
    protected internal string ColumnList(IEnumerable<string> names, string? prefix = null) =>
        string.Join(", ", names.Select(n => prefix is null ? QuoteIdentifier(n) : prefix + "." + QuoteIdentifier(n)));

    /// <summary>A name for an index or constraint within the engine's length limit (shortened with a stable hash if needed).</summary>
    /// <param name="prefix">E.g. <c>ix</c>.</param>
    /// <param name="table">The table.</param>
    /// <param name="suffix">What it covers, e.g. <c>bk</c>.</param>
    /// <returns>A safe identifier.</returns>
    protected internal string ObjectName(string prefix, string table, string suffix)
    {
        var name = $"{prefix}_{table}_{suffix}";
        if (Encoding.UTF8.GetByteCount(name) <= MaxIdentifierLength)
        {
            return name;
        }

        var hash = DataVaultHasher.Default.HashKeyHex(name)![..8];
        return name[..(MaxIdentifierLength - 9)] + "_" + hash;
    }
}
