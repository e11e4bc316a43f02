using DataVault.Core.Modeling;

namespace DataVault.Core.Sql.Writers;

/// <summary>
/// DDL: the tables of hubs, links and satellites, staging tables, satellite history views, and the whole vault in
/// dependency order. Uses only the dialect's roles; <see cref="SqlDialect.CreateTable"/> is called through the dialect,
/// so an engine that writes tables its own way (SQL Server's guards) does so for the whole vault.
/// </summary>
internal sealed class DdlWriter(SqlDialect dialect)
{
    private static readonly string Nl = Environment.NewLine;

    private SqlQuoter Quoter => dialect.Quoter;

    private SqlTypeMap Types => dialect.Types;

    private DialectCapabilities Capabilities => dialect.Capabilities;

    public IReadOnlyList<SqlStatement> CreateVault(DataVaultModel model, DdlOptions options)
    {
        var statements = new List<SqlStatement>(model.Schemas.Declared.Select(dialect.CreateSchema));
        foreach (var hub in model.Hubs)
        {
            statements.AddRange(dialect.CreateTable(HubTable(hub, options), options));
        }

        foreach (var link in model.Links)
        {
            statements.AddRange(dialect.CreateTable(LinkTable(link, options), options));
        }

        foreach (var satellite in model.Satellites)
        {
            statements.AddRange(dialect.CreateTable(SatelliteTable(satellite, options), options));
            statements.AddRange(ViewsOf(satellite).Select(v => v.Create));
        }

        foreach (var tracking in model.ExtendedTrackings)
        {
            statements.AddRange(dialect.CreateTable(dialect.ExtendedTrackingTable(tracking, options), options));
        }

        foreach (var pit in model.PointInTimes)
        {
            statements.AddRange(dialect.CreateTable(dialect.PitTable(pit, options), options));
        }

        return statements;
    }

    public IReadOnlyList<SqlStatement> DropVault(DataVaultModel model)
    {
        var statements = new List<SqlStatement>();
        statements.AddRange(model.PointInTimes.Reverse().Select(p => DropTable(p.TableName, p.Schema)));
        statements.AddRange(model.ExtendedTrackings.Reverse().Select(x => DropTable(x.TableName, x.Schema)));
        foreach (var satellite in model.Satellites.Reverse())
        {
            statements.AddRange(ViewsOf(satellite).Reverse().Select(v => DropView(v.Name, satellite.Schema)));
            statements.Add(DropTable(satellite.TableName, satellite.Schema));
        }

        statements.AddRange(model.Links.Reverse().Select(l => DropTable(l.TableName, l.Schema)));
        statements.AddRange(model.Hubs.Reverse().Select(h => DropTable(h.TableName, h.Schema)));
        return statements;
    }

    /// <summary>A reference hub's table: its code (the primary key, as declared), load date, record source.</summary>
    private TableDefinition ReferenceHubTable(Hub hub, DdlOptions options) => new(
        hub.TableName,
        [new(hub.HashKeyColumn, Types.For(hub.BusinessKeys[0].Type), true), .. LoadColumns(hub.Naming, options)],
        [hub.HashKeyColumn],
        [],
        [])
    {
        Schema = hub.Schema,
    };

    /// <summary>The type of the column that holds an entity's key: its hash, or a reference hub's code.</summary>
    private SqlType KeyColumnType(VaultEntity entity, DdlOptions options) => entity is Hub { IsReference: true } reference
        ? Types.For(reference.BusinessKeys[0].Type)
        : Types.HashColumn(entity.HashingStandard, options);

    public TableDefinition HubTable(Hub hub, DdlOptions options) => hub.IsReference ? ReferenceHubTable(hub, options) : new(
        hub.TableName,
        [
            new(hub.HashKeyColumn, Types.HashColumn(hub.HashingStandard, options), true),
            .. hub.BusinessKeys.Select(k => new TableColumn(k.Name, Types.For(k.Type), false)),
            .. hub.StandardizedKeyColumns.Select(k => new TableColumn(k.Name, Types.For(k.Type), false)),
            .. LoadColumns(hub.Naming, options),
        ],
        [hub.HashKeyColumn],
        [],
        [new(dialect.ObjectName("ix", hub.TableName, "bk"), [.. hub.BusinessKeys.Select(k => k.Name)])])
    {
        Schema = hub.Schema,
    };

    public TableDefinition LinkTable(Link link, DdlOptions options) => new(
        link.TableName,
        [
            new(link.HashKeyColumn, Types.HashColumn(link.HashingStandard, options), true),
            .. link.Hubs.Select(h => new TableColumn(h.HashKeyColumn, Types.HashColumn(h.Hub.HashingStandard, options), true)),
            .. link.DependentChildKeys.Select(k => new TableColumn(k.Name, Types.For(k.Type), false)),
            .. LoadColumns(link.Naming, options),
        ],
        [link.HashKeyColumn],
        options.ForeignKeys ? [.. link.Hubs.Select(h => new ForeignKeyDefinition(h.HashKeyColumn, h.Hub.TableName, h.Hub.HashKeyColumn) { ReferencedSchema = h.Hub.Schema })] : [],
        [.. link.Hubs.Select(h => new IndexDefinition(dialect.ObjectName("ix", link.TableName, h.HashKeyColumn), [h.HashKeyColumn]))])
    {
        Schema = link.Schema,
    };

    public TableDefinition SatelliteTable(Satellite satellite, DdlOptions options)
    {
        var naming = satellite.Parent.Naming;
        return new TableDefinition(
            satellite.TableName,
            [
                new(satellite.ParentHashKeyColumn, KeyColumnType(satellite.Parent, options), true),
                new(naming.LoadDate, Types.For(DataType.Timestamp), true),
                new(naming.LoadEndDate, Types.For(DataType.Timestamp), false),
                new(satellite.HashDiffColumn, Types.HashColumn(satellite.HashingStandard, options), true),
                new(naming.RecordSource, Types.For(DataType.String(options.RecordSourceLength)), true),
                .. satellite.Attributes.Select(a => new TableColumn(a.Name, Types.For(a.Type), a.Name == satellite.StatusColumn || satellite.MultiActiveKeys.Any(k => k.Name == a.Name))),
            ],
            satellite.NonHistorized ? [satellite.ParentHashKeyColumn] : [satellite.ParentHashKeyColumn, naming.LoadDate, .. satellite.MultiActiveKeys.Select(k => k.Name)],
            options.ForeignKeys ? [new ForeignKeyDefinition(satellite.ParentHashKeyColumn, satellite.Parent.TableName, satellite.Parent.HashKeyColumn) { ReferencedSchema = satellite.Parent.Schema }] : [],
            [])
        {
            Schema = satellite.Schema,
        };
    }

    public static TableDefinition StagingTableFor(TableDefinition target, StagingTable staging, string loadEndDate) =>
        TableDefinition.Plain(staging.Name, [.. target.Columns.Where(c => c.Name != loadEndDate)]);

    public IReadOnlyList<SqlStatement> CreateStaging(TableDefinition definition, StagingTable staging)
    {
        if (staging.Temporary && !Capabilities.TemporaryTables)
        {
            throw dialect.Unsupported("temporary staging tables", "create a regular staging table instead (StagingTable.Temporary = false).");
        }

        return
        [
            DropStaging(staging),
            SqlStatement.Of($"CREATE {(staging.Temporary ? "TEMPORARY " : string.Empty)}TABLE {Quoter.QuoteIdentifier(staging.Name)} ({Nl}{string.Join("," + Nl, definition.Columns.Select(ColumnSql))}{Nl}){TableOptions}"),
        ];
    }

    public SqlStatement DropStaging(StagingTable staging)
    {
        if (!staging.Temporary)
        {
            return DropTable(staging.Name);
        }

        if (Capabilities.DropTemporaryTable)
        {
            return SqlStatement.Of($"DROP TEMPORARY TABLE IF EXISTS {Quoter.QuoteIdentifier(staging.Name)}");
        }

        return SqlStatement.Of($"DROP TABLE IF EXISTS {TemporaryTable(staging)}");
    }

    /// <summary>A staging table's name as a statement addresses it: in the temporary schema where the engine has one.</summary>
    public string TemporaryTable(StagingTable staging) =>
        (staging.Temporary && Capabilities.TemporaryTableSchema is { } schema ? schema + "." : string.Empty) + Quoter.QuoteIdentifier(staging.Name);

    public SqlStatement CreateSatelliteView(Satellite satellite)
    {
        var naming = satellite.Parent.Naming;
        var key = Quoter.QuoteIdentifier(satellite.ParentHashKeyColumn);
        var loadDate = Quoter.QuoteIdentifier(naming.LoadDate);
        // A multi-active set's rows share their load date: the end of each is the next later load date of its key.
        var lead = satellite.IsMultiActive
            ? $"(SELECT MIN(n.{loadDate}) FROM {Quoter.QuoteTable(satellite.Schema, satellite.TableName)} n WHERE n.{key} = s.{key} AND n.{loadDate} > s.{loadDate})"
            : $"LEAD(s.{loadDate}) OVER (PARTITION BY s.{key} ORDER BY s.{loadDate})";
        var columns = dialect.ColumnList([satellite.ParentHashKeyColumn, naming.LoadDate, satellite.HashDiffColumn, naming.RecordSource, .. satellite.Attributes.Select(a => a.Name)], "s");
        return SqlStatement.Of(
            $"{CreateViewPrefix(Quoter.QuoteTable(satellite.Schema, SatelliteViewName(satellite)))} AS{Nl}" +
            $"SELECT {columns},{Nl}" +
            $"       {lead} AS {Quoter.QuoteIdentifier(naming.LoadEndDate)},{Nl}" +
            $"       CASE WHEN {lead} IS NULL THEN 1 ELSE 0 END AS {Quoter.QuoteIdentifier("is_current")}{Nl}" +
            $"FROM {Quoter.QuoteTable(satellite.Schema, satellite.TableName)} s");
    }

    /// <summary>
    /// A satellite's views: its history view, and for a satellite of a reference hub its current view. Created after its
    /// table, dropped before it, compared by drift and recreated by migrations as one.
    /// </summary>
    public IReadOnlyList<SatelliteView> ViewsOf(Satellite satellite) => satellite.Parent is Hub { IsReference: true }
        ? [new(SatelliteViewName(satellite), SatelliteViewColumns(satellite), CreateSatelliteView(satellite)), new(CurrentViewName(satellite), CurrentViewColumns(satellite), CreateCurrentView(satellite))]
        : [new(SatelliteViewName(satellite), SatelliteViewColumns(satellite), CreateSatelliteView(satellite))];

    /// <summary>A reference satellite's current view: the latest version of every code (<c>MAX(load_date)</c> per key), read from the table itself.</summary>
    public SqlStatement CreateCurrentView(Satellite satellite)
    {
        var naming = satellite.Parent.Naming;
        var key = Quoter.QuoteIdentifier(satellite.ParentHashKeyColumn);
        var loadDate = Quoter.QuoteIdentifier(naming.LoadDate);
        var table = Quoter.QuoteTable(satellite.Schema, satellite.TableName);
        return SqlStatement.Of(
            $"{CreateViewPrefix(Quoter.QuoteTable(satellite.Schema, CurrentViewName(satellite)))} AS{Nl}" +
            $"SELECT {dialect.ColumnList(CurrentViewColumns(satellite), "s")}{Nl}" +
            $"FROM {table} s{Nl}" +
            $"WHERE s.{loadDate} = (SELECT MAX(m.{loadDate}) FROM {table} m WHERE m.{key} = s.{key})");
    }

    /// <summary>The columns of a reference satellite's current view, in order: code, load date, hash diff, record source, attributes.</summary>
    public static IReadOnlyList<string> CurrentViewColumns(Satellite satellite) =>
        [satellite.ParentHashKeyColumn, satellite.Parent.Naming.LoadDate, satellite.HashDiffColumn, satellite.Parent.Naming.RecordSource, .. satellite.Attributes.Select(a => a.Name)];

    /// <summary>The name of a reference satellite's current view: <c>v_</c> + the table name + <c>_current</c>.</summary>
    public string CurrentViewName(Satellite satellite) => dialect.ObjectName("v", satellite.TableName, "current");

    /// <summary>The columns of a satellite's history view, in order, as <see cref="CreateSatelliteView"/> writes them.</summary>
    public static IReadOnlyList<string> SatelliteViewColumns(Satellite satellite) =>
        [satellite.ParentHashKeyColumn, satellite.Parent.Naming.LoadDate, satellite.HashDiffColumn, satellite.Parent.Naming.RecordSource, .. satellite.Attributes.Select(a => a.Name), satellite.Parent.Naming.LoadEndDate, "is_current"];

    public string SatelliteViewName(Satellite satellite) => dialect.ObjectName("v", satellite.TableName, "history");

    /// <summary>The standard <c>CREATE TABLE</c>: the table with its keys, then its indexes (or the indexes inside it, where the engine declares them there).</summary>
    public IReadOnlyList<SqlStatement> CreateTable(TableDefinition table, DdlOptions options)
    {
        var ifNotExists = options.IfNotExists ? "IF NOT EXISTS " : string.Empty;
        var indexes = Capabilities.SecondaryIndexes ? table.Indexes : [];
        var elements = TableElements(table);
        if (Capabilities.IndexesInsideCreateTable)
        {
            elements = elements.Concat(indexes.Select(i => $"    INDEX {Quoter.QuoteIdentifier(i.Name)} ({IndexColumns(table, i)})"));
            indexes = [];
        }

        var name = Quoter.QuoteTable(table.Schema, table.Name);
        var statements = new List<SqlStatement> { SqlStatement.Of($"CREATE TABLE {ifNotExists}{name} ({Nl}{string.Join("," + Nl, elements)}{Nl}){TableOptions}") };
        statements.AddRange(indexes.Select(i => CreateIndex(table, i, options.IfNotExists)));
        return statements;
    }

    /// <summary><c>CREATE INDEX [IF NOT EXISTS] ix ON "schema"."table" (columns)</c>.</summary>
    public SqlStatement CreateIndex(TableDefinition table, IndexDefinition index, bool ifNotExists) =>
        SqlStatement.Of($"CREATE INDEX {(ifNotExists ? "IF NOT EXISTS " : string.Empty)}{Quoter.QuoteIdentifier(index.Name)} ON {Quoter.QuoteTable(table.Schema, table.Name)} ({IndexColumns(table, index)})");

    /// <summary>The elements inside <c>CREATE TABLE (...)</c>: columns, primary key, foreign keys.</summary>
    public IEnumerable<string> TableElements(TableDefinition table)
    {
        foreach (var column in table.Columns)
        {
            yield return ColumnSql(column);
        }

        if (table.PrimaryKey.Count > 0)
        {
            yield return $"    PRIMARY KEY ({dialect.ColumnList(table.PrimaryKey)})";
        }

        foreach (var foreignKey in table.ForeignKeys)
        {
            var constraint = Capabilities.NamedForeignKeys ? $"CONSTRAINT {Quoter.QuoteIdentifier(dialect.ObjectName("fk", table.Name, foreignKey.Column))} " : string.Empty;
            yield return $"    {constraint}FOREIGN KEY ({Quoter.QuoteIdentifier(foreignKey.Column)}) REFERENCES {Quoter.QuoteTable(foreignKey.ReferencedSchema, foreignKey.ReferencedTable)} ({Quoter.QuoteIdentifier(foreignKey.ReferencedColumn)})";
        }
    }

    /// <summary>The columns of an index, each by a prefix where the type map says the engine cannot index it whole.</summary>
    public string IndexColumns(TableDefinition table, IndexDefinition index) => string.Join(", ", index.Columns.Select(name =>
        Types.IndexPrefixLength(table.Column(name).Type, index.Columns.Count) is { } prefix
            ? $"{Quoter.QuoteIdentifier(name)}({prefix.ToString(System.Globalization.CultureInfo.InvariantCulture)})"
            : Quoter.QuoteIdentifier(name)));

    public string ColumnSql(TableColumn column) => $"    {Quoter.QuoteIdentifier(column.Name)} {column.Type.Text}{(column.NotNull ? " NOT NULL" : " NULL")}";

    public SqlStatement DropTable(string table, string? schema = null) => SqlStatement.Of($"DROP TABLE IF EXISTS {Quoter.QuoteTable(schema, table)}");

    public SqlStatement DropView(string view, string? schema = null) => SqlStatement.Of($"DROP VIEW IF EXISTS {Quoter.QuoteTable(schema, view)}");

    public SqlStatement CreateSchema(string schema) => SqlStatement.Of($"CREATE SCHEMA IF NOT EXISTS {Quoter.QuoteIdentifier(schema)}");

    public string InsertValues(string table, IReadOnlyList<string> columns, string? schema = null) =>
        $"INSERT INTO {Quoter.QuoteTable(schema, table)} ({dialect.ColumnList(columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => Quoter.ParameterPlaceholder("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))))})";

    private string TableOptions => Capabilities.TableOptions.Length == 0 ? string.Empty : " " + Capabilities.TableOptions;

    private string CreateViewPrefix(string quotedView) => Capabilities.ViewCreation switch
    {
        ViewCreation.CreateIfNotExists => $"CREATE VIEW IF NOT EXISTS {quotedView}",
        ViewCreation.CreateOrAlter => $"CREATE OR ALTER VIEW {quotedView}",
        _ => $"CREATE OR REPLACE VIEW {quotedView}",
    };

    private IEnumerable<TableColumn> LoadColumns(NamingConventions naming, DdlOptions options) =>
    [
        new(naming.LoadDate, Types.For(DataType.Timestamp), true),
        new(naming.RecordSource, Types.For(DataType.String(options.RecordSourceLength)), true),
    ];
}
