using DataVault.Core.Drift;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Migrations;

/// <summary>
/// Turns drift into a plan: additive satellite changes (a nullable column the model declares), a point-in-time table
/// whose shape changed (dropped, then created again: its rows are derived), a nullable column of the loader's own
/// tables (given as <c>loaderTables</c>) that an earlier version lacked, and refusals for everything else.
/// </summary>
internal static class MigrationPlanner
{
    public static MigrationPlan Plan(DataVaultModel model, SqlDialect dialect, DdlOptions ddl, VaultDriftReport drift, MigrationOptions options, IReadOnlyList<TableDefinition>? loaderTables = null)
    {
        var steps = new List<MigrationStep>();
        var refusals = new List<MigrationRefusal>();
        refusals.AddRange(drift.Differences.Where(d => d.Kind == DriftKind.MissingForeignKey).Select(d => new MigrationRefusal(d,
            "adding a foreign key checks every stored row and can fail on a loaded table; add it by hand (ALTER TABLE … ADD FOREIGN KEY), or create the vault without foreign keys (DdlOptions.ForeignKeys = false)")));
        foreach (var group in drift.Differences.Where(d => d.Kind is not (DriftKind.MissingIndex or DriftKind.IndexDiffers or DriftKind.MissingForeignKey or DriftKind.ViewDiffers)).GroupBy(d => d.Table, StringComparer.Ordinal))
        {
            var table = group.Key;
            var differences = group.ToList();
            if (model.PointInTimes.FirstOrDefault(p => p.TableName == table) is { } pit)
            {
                steps.Add(new MigrationStep(MigrationStepKind.RecreatePointInTime, table,
                    $"drop point-in-time table {table} ({string.Join("; ", differences.Select(d => d.Kind + " " + d.Column))}); it is created again with the model's shape — build it again, its rows are derived from the satellites",
                    [dialect.DropTable(pit.TableName, pit.Schema)]));
            }
            else if (model.Satellites.FirstOrDefault(s => s.TableName == table) is { } satellite)
            {
                PlanSatellite(satellite, dialect.SatelliteTable(satellite, ddl), dialect, differences, options, steps, refusals);
            }
            else if (model.ExtendedTrackings.Any(x => x.TableName == table))
            {
                refusals.AddRange(differences.Select(d => new MigrationRefusal(d,
                    "an extended tracking satellite has a fixed shape and its rows are the record of past loads; change it by hand, or drop it and track again from the next load")));
            }
            else if (loaderTables?.FirstOrDefault(t => t.Name == table) is { } loaderTable)
            {
                PlanLoaderTable(loaderTable, dialect, differences, steps, refusals);
            }
            else
            {
                refusals.AddRange(differences.Select(d => new MigrationRefusal(d,
                    "the columns of a hub or link are its keys and load metadata; changing them changes what its hash keys mean, which a migration does not do")));
            }
        }

        PlanIndexes(model, dialect, ddl, drift, steps, refusals);
        PlanViews(model, dialect, drift, steps);
        return new MigrationPlan(drift, steps, refusals);
    }

    /// <summary>A stale satellite view is dropped and created again (unless the satellite's own steps already do).</summary>
    private static void PlanViews(DataVaultModel model, SqlDialect dialect, VaultDriftReport drift, List<MigrationStep> steps)
    {
        foreach (var difference in drift.Differences.Where(d => d.Kind == DriftKind.ViewDiffers))
        {
            var satellite = model.Satellites.First(s => dialect.SatelliteViews(s).Any(v => v.Name == difference.Table));
            if (steps.Any(s => s.Kind == MigrationStepKind.CreateView && s.Table == difference.Table))
            {
                continue;
            }

            var view = dialect.SatelliteViews(satellite).First(v => v.Name == difference.Table);
            steps.Add(new MigrationStep(MigrationStepKind.DropView, difference.Table, $"drop view {difference.Table}: its columns {difference.Actual} are not the model's", [dialect.DropView(difference.Table, satellite.Schema)]));
            steps.Add(new MigrationStep(MigrationStepKind.CreateView, difference.Table, $"create view {difference.Table} with the columns {difference.Expected}", [view.Create]));
        }
    }

    /// <summary>A missing index is created (after the other steps: the table may gain its columns first); one over other columns is refused.</summary>
    private static void PlanIndexes(DataVaultModel model, SqlDialect dialect, DdlOptions ddl, VaultDriftReport drift, List<MigrationStep> steps, List<MigrationRefusal> refusals)
    {
        var tables = VaultTables.Of(dialect, model, ddl);
        foreach (var difference in drift.Differences.Where(d => d.Kind is DriftKind.MissingIndex or DriftKind.IndexDiffers))
        {
            var table = tables.FirstOrDefault(t => t.Name == difference.Table);
            var index = table?.Indexes.FirstOrDefault(i => string.Equals(i.Name, difference.Column, StringComparison.OrdinalIgnoreCase));
            if (steps.Any(s => s.Kind == MigrationStepKind.RecreatePointInTime && s.Table == difference.Table))
            {
                continue; // created with the table
            }

            if (difference.Kind == DriftKind.MissingIndex && table is not null && index is not null)
            {
                steps.Add(new MigrationStep(MigrationStepKind.CreateIndex, table.Name, $"create index {index.Name} on {table.Name} {difference.Expected}", [dialect.CreateIndex(table, index)]));
            }
            else
            {
                refusals.Add(new MigrationRefusal(difference, "a migration does not change an index that exists; drop it by hand and the next migration creates it as the model declares it"));
            }
        }
    }

    /// <summary>
    /// The loader's tables have a fixed shape: a nullable column it added in a later version (the batch log's
    /// <c>session_id</c>) is added; any other difference is refused, since their rows are the history of the batches.
    /// </summary>
    private static void PlanLoaderTable(TableDefinition expected, SqlDialect dialect, List<DriftDifference> differences, List<MigrationStep> steps, List<MigrationRefusal> refusals)
    {
        foreach (var difference in differences)
        {
            if (difference.Kind == DriftKind.MissingColumn && expected.Column(difference.Column) is { NotNull: false } column)
            {
                steps.Add(new MigrationStep(MigrationStepKind.AddColumn, expected.Name, $"add column {column.Name} {column.Type.Text} NULL to the loader's table {expected.Name} (created by an earlier version)", [dialect.AddColumn(expected.Name, column, expected.Schema)]));
            }
            else
            {
                refusals.Add(new MigrationRefusal(difference, $"{expected.Name} is the loader's own table, of a fixed shape, and its rows are the history of the batches; rename it (the loader creates a new one) or change it by hand"));
            }
        }
    }

    private static void PlanSatellite(Satellite satellite, TableDefinition expected, SqlDialect dialect, List<DriftDifference> differences, MigrationOptions options, List<MigrationStep> steps, List<MigrationRefusal> refusals)
    {
        var table = satellite.TableName;
        var changes = new List<MigrationStep>();
        var added = new List<string>();
        foreach (var difference in differences)
        {
            switch (difference.Kind)
            {
                case DriftKind.MissingColumn when expected.Column(difference.Column) is { NotNull: false } column:
                    added.Add(column.Name);
                    changes.Add(new MigrationStep(MigrationStepKind.AddColumn, table, $"add column {column.Name} {column.Type.Text} NULL to {table}", [dialect.AddColumn(table, column, satellite.Schema)]));
                    break;
                case DriftKind.MissingColumn:
                    refusals.Add(new MigrationRefusal(difference, "a NOT NULL column cannot be added to a table that may hold rows; only nullable attributes are added"));
                    break;
                case DriftKind.UnexpectedColumn when options.AllowDroppingColumns:
                    changes.Add(new MigrationStep(MigrationStepKind.DropColumn, table, $"drop column {difference.Column} of {table} and its values (MigrationOptions.AllowDroppingColumns)", [dialect.DropColumn(table, difference.Column, satellite.Schema)]));
                    break;
                case DriftKind.UnexpectedColumn:
                    refusals.Add(new MigrationRefusal(difference, "it holds values the model no longer declares; declare it again, or allow dropping it and its values (MigrationOptions.AllowDroppingColumns)"));
                    break;
                case DriftKind.PrimaryKeyDiffers:
                    refusals.Add(new MigrationRefusal(difference, "a migration does not change a table's primary key; the loader relies on it to keep one version per key and load date"));
                    break;
                case DriftKind.TypeDiffers:
                    refusals.Add(new MigrationRefusal(difference, "a migration does not change a column's type (a narrower type could cut stored values); alter the column by hand, or declare it as the database has it"));
                    break;
                default:
                    refusals.Add(new MigrationRefusal(difference, "a migration does not change a column's constraints; alter the column by hand, or declare it as the database has it"));
                    break;
            }
        }

        if (changes.Count == 0)
        {
            return;
        }

        // The neutrality note goes on each added column: whether the next load writes a new version of every key.
        var note = HashNote(satellite, added);
        var views = dialect.SatelliteViews(satellite);
        steps.AddRange(views.Select(v => new MigrationStep(MigrationStepKind.DropView, v.Name, $"drop view {v.Name} (created again after {table} changes)", [dialect.DropView(v.Name, satellite.Schema)])));
        steps.AddRange(changes.Select(c => c.Kind == MigrationStepKind.AddColumn ? c with { Description = c.Description + note } : c));
        steps.AddRange(views.Select(v => new MigrationStep(MigrationStepKind.CreateView, v.Name, $"create view {v.Name} with the new columns of {table}", [v.Create])));
    }

    /// <summary>
    /// An added attribute leaves every stored hash diff valid when the standard omits trailing NULL parts and every added
    /// attribute comes after every existing one in the diff order; otherwise each key's next load writes a new version.
    /// </summary>
    private static string HashNote(Satellite satellite, List<string> added)
    {
        if (added.Count == 0)
        {
            return string.Empty;
        }

        var parts = satellite.HashDiffParts.Select(p => p.Name).ToList();
        if (!added.Any(a => parts.Contains(a, StringComparer.OrdinalIgnoreCase)))
        {
            return " (hash-neutral: not part of the hash diff)";
        }

        var firstAdded = parts.FindIndex(p => added.Contains(p, StringComparer.OrdinalIgnoreCase));
        var lastExisting = parts.FindLastIndex(p => !added.Contains(p, StringComparer.OrdinalIgnoreCase));
        return satellite.HashingStandard.OmitTrailingNullDiffParts && firstAdded > lastExisting
            ? $" (hash-neutral: {satellite.HashingStandard.Id} leaves trailing NULL parts out of the diff, so stored diffs stay valid)"
            : $" (NOT hash-neutral under {satellite.HashingStandard.Id}: every stored diff changes, so the next load of each key writes a new version)";
    }
}
