using DataVault.Core.Modeling;

namespace DataVault.Core.Sql;

/// <summary>DDL: hub, link, satellite, point-in-time and staging tables, satellite views, and the whole vault in dependency order.</summary>
public abstract partial class SqlDialect
{
    /// <summary>
    /// The statements that create every table and view of <paramref name="model"/>: hubs, links, satellites with their
    /// views, then point-in-time tables.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="options">DDL options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The statements, in dependency order.</returns>
    public IReadOnlyList<SqlStatement> CreateVault(DataVaultModel model, DdlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return _ddl.CreateVault(model, options ?? DdlOptions.Default);
    }

    /// <summary>
    /// The statements that drop every table and view of <paramref name="model"/>, dependants first: point-in-time
    /// tables (they reference hubs), satellites with their views, links, hubs.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <returns>The statements.</returns>
    public IReadOnlyList<SqlStatement> DropVault(DataVaultModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return _ddl.DropVault(model);
    }

    /// <summary>The table of a hub: hash key (primary key), business keys, load date, record source.</summary>
    /// <param name="hub">The hub.</param>
    /// <param name="options">DDL options.</param>
    /// <returns>The table definition.</returns>
    public TableDefinition HubTable(Hub hub, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(options);
        return _ddl.HubTable(hub, options);
    }

    /// <summary>The table of a link: hash key (primary key), the hubs' hash keys, dependent child keys, load date, record source.</summary>
    /// <param name="link">The link.</param>
    /// <param name="options">DDL options.</param>
    /// <returns>The table definition.</returns>
    public TableDefinition LinkTable(Link link, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(options);
        return _ddl.LinkTable(link, options);
    }

    /// <summary>
    /// The table of an extended tracking satellite: parent key, load date and satellite name (the primary key), hash
    /// diff (typed as its satellites'), record source; a foreign key to the parent.
    /// </summary>
    /// <param name="tracking">The extended tracking satellite.</param>
    /// <param name="options">DDL options.</param>
    /// <returns>The table definition.</returns>
    public TableDefinition ExtendedTrackingTable(ExtendedTrackingSatellite tracking, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(tracking);
        ArgumentNullException.ThrowIfNull(options);
        if (tracking.Satellites.Count == 0)
        {
            throw new ArgumentException($"{tracking.TableName} tracks no satellite.", nameof(tracking));
        }

        return _extendedTracking.Table(tracking, _ddl.SatelliteTable(tracking.Satellites[0], options), options);
    }

    /// <summary>
    /// The table of a satellite: parent hash key and load date (the primary key), load end date, hash diff, record
    /// source, then the attributes in declared order.
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="options">DDL options.</param>
    /// <returns>The table definition.</returns>
    public TableDefinition SatelliteTable(Satellite satellite, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(options);
        return _ddl.SatelliteTable(satellite, options);
    }

    /// <summary>The staging table of a hub, link or satellite: the target's columns (no load end date), no keys or indexes.</summary>
    /// <param name="target">The target's table definition (from <see cref="HubTable"/>, <see cref="LinkTable"/> or <see cref="SatelliteTable"/>).</param>
    /// <param name="staging">The staging table.</param>
    /// <param name="loadEndDate">The name of the load end date column, left out of staging.</param>
    /// <returns>The staging table's definition.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Part of the dialect's instance API, as every other table definition.")]
    public TableDefinition StagingTableFor(TableDefinition target, StagingTable staging, string loadEndDate)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(staging);
        return Writers.DdlWriter.StagingTableFor(target, staging, loadEndDate);
    }

    /// <summary>Creates a staging table (temporary if <see cref="StagingTable.Temporary"/>), dropping a leftover one first.</summary>
    /// <param name="definition">The staging table's definition.</param>
    /// <param name="staging">The staging table.</param>
    /// <returns>The statements.</returns>
    /// <exception cref="UnsupportedSqlFeatureException">A temporary table on an engine without them.</exception>
    public IReadOnlyList<SqlStatement> CreateStaging(TableDefinition definition, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(staging);
        return _ddl.CreateStaging(definition, staging);
    }

    /// <summary>
    /// Drops a staging table if it exists. A temporary one is addressed so that a permanent table of the same name is
    /// never dropped instead (<see cref="DialectCapabilities.TemporaryTableSchema"/>, <see cref="DialectCapabilities.DropTemporaryTable"/>).
    /// </summary>
    /// <param name="staging">The staging table.</param>
    /// <returns>The statement.</returns>
    public SqlStatement DropStaging(StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(staging);
        return _ddl.DropStaging(staging);
    }

    /// <summary>
    /// A view over a satellite that adds each version's end (<c>load_end_date</c>, from <c>LEAD</c> over load dates)
    /// and an <c>is_current</c> flag, whether or not the table's own end dates are maintained.
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <returns>The statement.</returns>
    public SqlStatement CreateSatelliteView(Satellite satellite)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        return _ddl.CreateSatelliteView(satellite);
    }

    /// <summary>The name of a satellite's view: <c>v_</c> + the table name + <c>_history</c>.</summary>
    /// <param name="satellite">The satellite.</param>
    /// <returns>The view name.</returns>
    public string SatelliteViewName(Satellite satellite)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        return _ddl.SatelliteViewName(satellite);
    }

    /// <summary>
    /// A reference hub's satellite's current view (<see cref="Hub.IsReference"/>): the latest version of every code —
    /// the reference table as lookups join it.
    /// </summary>
    /// <param name="satellite">A satellite of a reference hub.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentException">The satellite's parent is not a reference hub.</exception>
    public SqlStatement CreateCurrentView(Satellite satellite)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        if (satellite.Parent is not Hub { IsReference: true })
        {
            throw new ArgumentException($"{satellite.TableName} is not a satellite of a reference hub: only those have a current view.", nameof(satellite));
        }

        return _ddl.CreateCurrentView(satellite);
    }

    /// <summary>The name of a reference satellite's current view: <c>v_</c> + the table name + <c>_current</c>.</summary>
    /// <param name="satellite">The satellite.</param>
    /// <returns>The view name.</returns>
    public string CurrentViewName(Satellite satellite)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        return _ddl.CurrentViewName(satellite);
    }

    /// <summary>A satellite's views (history, and current for a reference satellite), as the vault's DDL creates them.</summary>
    internal IReadOnlyList<SatelliteView> SatelliteViews(Satellite satellite) => _ddl.ViewsOf(satellite);

    /// <summary>The columns of a satellite's history view (<see cref="CreateSatelliteView"/>), in order: the satellite's columns without its end date, then <c>load_end_date</c> and <c>is_current</c>.</summary>
    /// <param name="satellite">The satellite.</param>
    /// <returns>The column names.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "The view belongs to the dialect that writes it; callers ask the dialect, as for SatelliteViewName.")]
    public IReadOnlyList<string> SatelliteViewColumns(Satellite satellite)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        return Writers.DdlWriter.SatelliteViewColumns(satellite);
    }

    /// <summary>Creates a table with its primary key, foreign keys and indexes.</summary>
    /// <param name="table">The definition.</param>
    /// <param name="options">DDL options.</param>
    /// <returns>The statements: the table, then its indexes.</returns>
    public IReadOnlyList<SqlStatement> CreateTable(TableDefinition table, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        return CreateTableCore(table, options);
    }

    /// <summary>
    /// <c>CREATE INDEX ix ON t (columns)</c> for one of a table's declared indexes that is missing (drift
    /// <see cref="Drift.DriftKind.MissingIndex"/>): without <c>IF NOT EXISTS</c>, which MySQL lacks; run it only for a
    /// missing index.
    /// </summary>
    /// <param name="table">The table's definition (its schema, columns and index prefixes).</param>
    /// <param name="index">The index, one of <paramref name="table"/>'s.</param>
    /// <returns>The statement.</returns>
    public SqlStatement CreateIndex(TableDefinition table, IndexDefinition index)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(index);
        return _ddl.CreateIndex(table, index, ifNotExists: false);
    }

    /// <summary>Drops a table if it exists.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="schema">Its schema, or <see langword="null"/> for the default schema.</param>
    /// <returns>The statement.</returns>
    public SqlStatement DropTable(string table, string? schema = null) => _ddl.DropTable(table, schema);

    /// <summary>Drops a view if it exists.</summary>
    /// <param name="view">The view name.</param>
    /// <param name="schema">Its schema, or <see langword="null"/> for the default schema.</param>
    /// <returns>The statement.</returns>
    public SqlStatement DropView(string view, string? schema = null) => _ddl.DropView(view, schema);

    /// <summary>Creates a database schema if it does not exist (<c>CREATE SCHEMA IF NOT EXISTS</c>; on MariaDB a schema is a database).</summary>
    /// <param name="schema">The schema.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="UnsupportedSqlFeatureException">The engine has no schemas (<see cref="DialectCapabilities.Schemas"/>).</exception>
    public SqlStatement CreateSchema(string schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (!Capabilities.Schemas)
        {
            throw Unsupported("database schemas", "the engine has none; declare no schemas (DataVaultModelBuilder.UseSchemas).");
        }

        return CreateSchemaCore(schema);
    }

    /// <summary>Writes <see cref="CreateSchema"/> (standard: <c>CREATE SCHEMA IF NOT EXISTS "s"</c>); override where the engine guards it otherwise.</summary>
    /// <param name="schema">The schema (not yet validated).</param>
    /// <returns>The statement.</returns>
    protected virtual SqlStatement CreateSchemaCore(string schema) => _ddl.CreateSchema(schema);

    /// <summary>
    /// A parameterised single-row insert, the generic way to fill a table through any ADO.NET provider:
    /// <c>INSERT INTO t (a, b) VALUES (@p0, @p1)</c>. Parameter <c>i</c> is named <c>p{i}</c>.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="columns">The columns.</param>
    /// <param name="schema">The table's schema, or <see langword="null"/> for the default schema.</param>
    /// <returns>The statement's text (its values are bound by the caller).</returns>
    public string InsertValues(string table, IReadOnlyList<string> columns, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return _ddl.InsertValues(table, columns, schema);
    }

    /// <summary>
    /// Writes <c>CREATE TABLE</c> and its indexes; the standard form is <c>CREATE TABLE IF NOT EXISTS</c> with the keys,
    /// then <c>CREATE INDEX IF NOT EXISTS</c> (as <see cref="DialectCapabilities"/> shape it). Override where the engine
    /// guards creation otherwise (SQL Server).
    /// </summary>
    /// <param name="table">The definition (validated).</param>
    /// <param name="options">DDL options (validated).</param>
    /// <returns>The statements.</returns>
    protected virtual IReadOnlyList<SqlStatement> CreateTableCore(TableDefinition table, DdlOptions options) => _ddl.CreateTable(table, options);

    /// <summary>The elements inside <c>CREATE TABLE (...)</c>, one per line: columns, primary key, foreign keys.</summary>
    /// <param name="table">The definition.</param>
    /// <returns>The lines.</returns>
    protected IEnumerable<string> TableElements(TableDefinition table) => _ddl.TableElements(table ?? throw new ArgumentNullException(nameof(table)));

    /// <summary>The column list of an index, with prefixes where the type map asks for them.</summary>
    /// <param name="table">The table.</param>
    /// <param name="index">The index.</param>
    /// <returns>The list.</returns>
    protected string IndexColumns(TableDefinition table, IndexDefinition index) => _ddl.IndexColumns(table, index);
}
