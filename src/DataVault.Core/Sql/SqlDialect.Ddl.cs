using DataVault.Core.Hashing;
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
        options ??= DdlOptions.Default;
        var statements = new List<SqlStatement>();
        foreach (var hub in model.Hubs)
        {
            statements.AddRange(CreateTable(HubTable(hub, options), options));
        }

        foreach (var link in model.Links)
        {
            statements.AddRange(CreateTable(LinkTable(link, options), options));
        }

        foreach (var satellite in model.Satellites)
        {
            statements.AddRange(CreateTable(SatelliteTable(satellite, options), options));
            statements.Add(CreateSatelliteView(satellite));
        }

        foreach (var pit in model.PointInTimes)
        {
            statements.AddRange(CreateTable(PitTable(pit, options), options));
        }

        return statements;
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
        var statements = new List<SqlStatement>();
        statements.AddRange(model.PointInTimes.Reverse().Select(p => DropTable(p.TableName)));
        foreach (var satellite in model.Satellites.Reverse())
        {
            statements.Add(DropView(SatelliteViewName(satellite)));
            statements.Add(DropTable(satellite.TableName));
        }

        statements.AddRange(model.Links.Reverse().Select(l => DropTable(l.TableName)));
        statements.AddRange(model.Hubs.Reverse().Select(h => DropTable(h.TableName)));
        return statements;
    }

    /// <summary>The table of a hub: hash key (primary key), business keys, load date, record source.</summary>
    /// <param name="hub">The hub.</param>
    /// <param name="options">DDL options.</param>
    /// <returns>The table definition.</returns>
    public virtual TableDefinition HubTable(Hub hub, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(options);
        var naming = NamingOf(hub);
        return new TableDefinition(
            hub.TableName,
            [
                new(hub.HashKeyColumn, HashTypeName(hub.HashingStandard, options), true),
                .. hub.BusinessKeys.Select(k => new TableColumn(k.Name, TypeName(k.Type), false)),
                .. LoadColumns(naming, options),
            ],
            [hub.HashKeyColumn],
            [],
            [(ObjectName("ix", hub.TableName, "bk"), [.. hub.BusinessKeys.Select(k => k.Name)])]);
    }

    /// <summary>The table of a link: hash key (primary key), the hubs' hash keys, dependent child keys, load date, record source.</summary>
    /// <param name="link">The link.</param>
    /// <param name="options">DDL options.</param>
    /// <returns>The table definition.</returns>
    public virtual TableDefinition LinkTable(Link link, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(options);
        var naming = NamingOf(link);
        return new TableDefinition(
            link.TableName,
            [
                new(link.HashKeyColumn, HashTypeName(link.HashingStandard, options), true),
                .. link.Hubs.Select(h => new TableColumn(h.HashKeyColumn, HashTypeName(h.Hub.HashingStandard, options), true)),
                .. link.DependentChildKeys.Select(k => new TableColumn(k.Name, TypeName(k.Type), false)),
                .. LoadColumns(naming, options),
            ],
            [link.HashKeyColumn],
            options.ForeignKeys ? [.. link.Hubs.Select(h => (h.HashKeyColumn, h.Hub.TableName, h.Hub.HashKeyColumn))] : [],
            [.. link.Hubs.Select(h => (ObjectName("ix", link.TableName, h.HashKeyColumn), (IReadOnlyList<string>)[h.HashKeyColumn]))]);
    }

    /// <summary>
    /// The table of a satellite: parent hash key and load date (the primary key), load end date, hash diff, record
    /// source, then the attributes in declared order.
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <param name="options">DDL options.</param>
    /// <returns>The table definition.</returns>
    public virtual TableDefinition SatelliteTable(Satellite satellite, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        ArgumentNullException.ThrowIfNull(options);
        var naming = NamingOf(satellite.Parent);
        return new TableDefinition(
            satellite.TableName,
            [
                new(satellite.ParentHashKeyColumn, HashTypeName(satellite.Parent.HashingStandard, options), true),
                new(naming.LoadDate, TimestampTypeName, true),
                new(naming.LoadEndDate, TimestampTypeName, false),
                new(satellite.HashDiffColumn, HashTypeName(satellite.HashingStandard, options), true),
                new(naming.RecordSource, TypeName(DataType.String(options.RecordSourceLength)), true),
                .. satellite.Attributes.Select(a => new TableColumn(a.Name, TypeName(a.Type), false)),
            ],
            [satellite.ParentHashKeyColumn, naming.LoadDate],
            options.ForeignKeys ? [(satellite.ParentHashKeyColumn, satellite.Parent.TableName, satellite.Parent.HashKeyColumn)] : [],
            []);
    }

    /// <summary>The staging table of a hub, link or satellite: the target's columns (no load end date), no keys or indexes.</summary>
    /// <param name="target">The target's table definition (from <see cref="HubTable"/>, <see cref="LinkTable"/> or <see cref="SatelliteTable"/>).</param>
    /// <param name="staging">The staging table.</param>
    /// <param name="loadEndDate">The name of the load end date column, left out of staging.</param>
    /// <returns>The staging table's definition.</returns>
    public virtual TableDefinition StagingTableFor(TableDefinition target, StagingTable staging, string loadEndDate)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(staging);
        return new TableDefinition(staging.Name, [.. target.Columns.Where(c => c.Name != loadEndDate)], [], [], []);
    }

    /// <summary>
    /// Drops a staging table if it exists. A temporary one is addressed so that a permanent table of the same name is
    /// never dropped instead (PostgreSQL <c>pg_temp.name</c>, MariaDB <c>DROP TEMPORARY TABLE</c>, DuckDB
    /// <c>temp.main.name</c>); the default is <see cref="DropTable"/>.
    /// </summary>
    /// <param name="staging">The staging table.</param>
    /// <returns>The statement.</returns>
    public virtual SqlStatement DropStaging(StagingTable staging) => DropTable((staging ?? throw new ArgumentNullException(nameof(staging))).Name);

    /// <summary>Creates a staging table (temporary if <see cref="StagingTable.Temporary"/>), dropping a leftover one first.</summary>
    /// <param name="definition">The staging table's definition.</param>
    /// <param name="staging">The staging table.</param>
    /// <returns>The statements.</returns>
    public virtual IReadOnlyList<SqlStatement> CreateStaging(TableDefinition definition, StagingTable staging)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(staging);
        if (staging.Temporary && !Capabilities.TemporaryTables)
        {
            throw Unsupported("temporary staging tables", "create a regular staging table instead (StagingTable.Temporary = false).");
        }

        return
        [
            DropStaging(staging),
            SqlStatement.Of($"CREATE {(staging.Temporary ? "TEMPORARY " : string.Empty)}TABLE {QuoteIdentifier(staging.Name)} ({Environment.NewLine}{string.Join("," + Environment.NewLine, definition.Columns.Select(ColumnDefinitionSql))}{Environment.NewLine})"),
        ];
    }

    /// <summary>
    /// A view over a satellite that adds each version's end (<c>load_end_date</c>, from <c>LEAD</c> over load dates)
    /// and an <c>is_current</c> flag, whether or not the table's own end dates are maintained.
    /// </summary>
    /// <param name="satellite">The satellite.</param>
    /// <returns>The statement.</returns>
    public virtual SqlStatement CreateSatelliteView(Satellite satellite)
    {
        ArgumentNullException.ThrowIfNull(satellite);
        var naming = NamingOf(satellite.Parent);
        var key = QuoteIdentifier(satellite.ParentHashKeyColumn);
        var loadDate = QuoteIdentifier(naming.LoadDate);
        var lead = $"LEAD(s.{loadDate}) OVER (PARTITION BY s.{key} ORDER BY s.{loadDate})";
        var columns = ColumnList([satellite.ParentHashKeyColumn, naming.LoadDate, satellite.HashDiffColumn, naming.RecordSource, .. satellite.Attributes.Select(a => a.Name)], "s");
        return SqlStatement.Of(
            $"{CreateViewPrefix(SatelliteViewName(satellite))} AS{Environment.NewLine}" +
            $"SELECT {columns},{Environment.NewLine}" +
            $"       {lead} AS {QuoteIdentifier(naming.LoadEndDate)},{Environment.NewLine}" +
            $"       CASE WHEN {lead} IS NULL THEN 1 ELSE 0 END AS {QuoteIdentifier("is_current")}{Environment.NewLine}" +
            $"FROM {QuoteIdentifier(satellite.TableName)} s");
    }

    /// <summary>The name of a satellite's view: the table name + <c>_v</c>.</summary>
    /// <param name="satellite">The satellite.</param>
    /// <returns>The view name.</returns>
    public virtual string SatelliteViewName(Satellite satellite) => ObjectName("v", satellite?.TableName ?? throw new ArgumentNullException(nameof(satellite)), "history");

    /// <summary>The start of a view definition that replaces an existing view (default <c>CREATE OR REPLACE VIEW name</c>).</summary>
    /// <param name="view">The view name.</param>
    /// <returns>The SQL text.</returns>
    protected virtual string CreateViewPrefix(string view) => $"CREATE OR REPLACE VIEW {QuoteIdentifier(view)}";

    /// <summary>Creates a table with its primary key, foreign keys and indexes.</summary>
    /// <param name="table">The definition.</param>
    /// <param name="options">DDL options.</param>
    /// <returns>The statements: the table, then its indexes.</returns>
    public virtual IReadOnlyList<SqlStatement> CreateTable(TableDefinition table, DdlOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var ifNotExists = options.IfNotExists ? "IF NOT EXISTS " : string.Empty;
        var statements = new List<SqlStatement> { SqlStatement.Of($"CREATE TABLE {ifNotExists}{QuoteIdentifier(table.Name)} ({Environment.NewLine}{string.Join("," + Environment.NewLine, TableElements(table))}{Environment.NewLine})") };
        statements.AddRange(table.Indexes.Select(i => SqlStatement.Of($"CREATE INDEX {ifNotExists}{QuoteIdentifier(i.Name)} ON {QuoteIdentifier(table.Name)} ({ColumnList(i.Columns)})")));
        return statements;
    }

    /// <summary>The elements inside <c>CREATE TABLE (...)</c>: columns, primary key, foreign keys.</summary>
    /// <param name="table">The definition.</param>
    /// <returns>One line per element.</returns>
    protected virtual IEnumerable<string> TableElements(TableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var column in table.Columns)
        {
            yield return ColumnDefinitionSql(column);
        }

        if (table.PrimaryKey.Count > 0)
        {
            yield return $"    PRIMARY KEY ({ColumnList(table.PrimaryKey)})";
        }

        foreach (var (column, referenced, referencedColumn) in table.ForeignKeys)
        {
            yield return "    " + ForeignKeySql(table.Name, column, referenced, referencedColumn);
        }
    }

    /// <summary>One foreign key inside <c>CREATE TABLE</c> (default unnamed: <c>FOREIGN KEY (c) REFERENCES t (k)</c>).</summary>
    /// <param name="table">The table that holds the key.</param>
    /// <param name="column">The local column.</param>
    /// <param name="referenced">The referenced table.</param>
    /// <param name="referencedColumn">The referenced column.</param>
    /// <returns>The SQL text.</returns>
    protected virtual string ForeignKeySql(string table, string column, string referenced, string referencedColumn) =>
        $"FOREIGN KEY ({QuoteIdentifier(column)}) REFERENCES {QuoteIdentifier(referenced)} ({QuoteIdentifier(referencedColumn)})";

    /// <summary>One column inside <c>CREATE TABLE</c>.</summary>
    /// <param name="column">The column.</param>
    /// <returns>The SQL text.</returns>
    protected virtual string ColumnDefinitionSql(TableColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return $"    {QuoteIdentifier(column.Name)} {column.Type}{(column.NotNull ? " NOT NULL" : " NULL")}";
    }

    /// <summary>Drops a table if it exists.</summary>
    /// <param name="table">The table name.</param>
    /// <returns>The statement.</returns>
    public virtual SqlStatement DropTable(string table) => SqlStatement.Of($"DROP TABLE IF EXISTS {QuoteIdentifier(table)}");

    /// <summary>Drops a view if it exists.</summary>
    /// <param name="view">The view name.</param>
    /// <returns>The statement.</returns>
    public virtual SqlStatement DropView(string view) => SqlStatement.Of($"DROP VIEW IF EXISTS {QuoteIdentifier(view)}");

    private IEnumerable<TableColumn> LoadColumns(NamingConventions naming, DdlOptions options) =>
    [
        new(naming.LoadDate, TimestampTypeName, true),
        new(naming.RecordSource, TypeName(DataType.String(options.RecordSourceLength)), true),
    ];

    /// <summary>The naming conventions an entity was built with.</summary>
    /// <param name="entity">A hub or link.</param>
    /// <returns>The conventions.</returns>
    protected static NamingConventions NamingOf(VaultEntity entity) => entity?.Naming ?? throw new ArgumentNullException(nameof(entity));
}
