using System.Security.Cryptography;
using System.Text;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Rehashing;

/// <summary>
/// Plans a rehash: checks that the target model is the current vault under other standards — the same tables with the
/// same columns, types and nullability, only the hash columns' types may differ — and lists the steps in dependency
/// order (hub maps, link maps, copies, swap, clean up).
/// </summary>
internal static class RehashPlanner
{
    public static RehashPlan Plan(SqlDialect dialect, DdlOptions ddl, DataVaultModel source, DataVaultModel target, string? loaderSchema = null)
    {
        var problems = new List<string>();
        var entities = new List<RehashedEntity>();
        foreach (var hub in source.Hubs)
        {
            if (Counterpart(target.Hubs, hub.Name, hub.Path, problems) is { } other)
            {
                Compare(dialect.HubTable(hub, ddl), dialect.HubTable(other, ddl), [hub.HashKeyColumn], hub.Path, problems);
                entities.Add(new RehashedEntity(hub.Path, hub.TableName, hub.HashingStandard.Id, other.HashingStandard.Id));
            }
        }

        foreach (var link in source.Links)
        {
            if (Counterpart(target.Links, link.Name, link.Path, problems) is { } other)
            {
                Compare(dialect.LinkTable(link, ddl), dialect.LinkTable(other, ddl), [link.HashKeyColumn, .. link.Hubs.Select(h => h.HashKeyColumn)], link.Path, problems);
                if (!link.Hubs.Select(h => h.Hub.Path).SequenceEqual(other.Hubs.Select(h => h.Hub.Path)))
                {
                    problems.Add($"{link.Path} links other hubs in the target model");
                }

                entities.Add(new RehashedEntity(link.Path, link.TableName, link.HashingStandard.Id, other.HashingStandard.Id));
            }
        }

        foreach (var satellite in source.Satellites)
        {
            if (target.Satellites.FirstOrDefault(s => s.Name == satellite.Name) is not { } other)
            {
                problems.Add($"{satellite.Path} is not in the target model");
                continue;
            }

            Compare(dialect.SatelliteTable(satellite, ddl), dialect.SatelliteTable(other, ddl), [satellite.ParentHashKeyColumn, satellite.HashDiffColumn], satellite.Path, problems);
            if (other.Parent.Path != satellite.Parent.Path)
            {
                problems.Add($"{satellite.Path} hangs off {other.Parent.Path} in the target model, not {satellite.Parent.Path}");
            }

            entities.Add(new RehashedEntity(satellite.Path, satellite.TableName, satellite.HashingStandard.Id, other.HashingStandard.Id));
        }

        foreach (var pit in source.PointInTimes)
        {
            if (target.PointInTimes.FirstOrDefault(p => p.Name == pit.Name) is not { } other)
            {
                problems.Add($"{pit.Path} is not in the target model");
                continue;
            }

            Compare(dialect.PitTable(pit, ddl), dialect.PitTable(other, ddl), [pit.HashKeyColumn], pit.Path, problems);
        }

        var extra = target.Hubs.Select(h => h.Path).Concat(target.Links.Select(l => l.Path)).Concat(target.Satellites.Select(s => s.Path)).Concat(target.PointInTimes.Select(p => p.Path))
            .Except(source.Hubs.Select(h => h.Path).Concat(source.Links.Select(l => l.Path)).Concat(source.Satellites.Select(s => s.Path)).Concat(source.PointInTimes.Select(p => p.Path)), StringComparer.Ordinal);
        problems.AddRange(extra.Select(path => $"{path} is only in the target model (add it with a migration before or after the rehash)"));
        if (problems.Count > 0)
        {
            throw new DataVaultRehashException(
                "The target model is not this vault under other hashing standards; nothing was changed:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        }

        if (!Equals(source.Schemas, target.Schemas))
        {
            throw new DataVaultRehashException($"The target model puts the vault into other schemas ({target.Schemas}) than the current one ({source.Schemas}); a rehash keeps every table where it is. Nothing was changed.");
        }

        if (source.ExtendedTrackings.Count > 0 || target.ExtendedTrackings.Count > 0)
        {
            var tracking = source.ExtendedTrackings.Concat(target.ExtendedTrackings).First();
            throw new DataVaultRehashException($"The model has extended tracking satellite {tracking.TableName}: a rehash of a vault with extended tracking is not built yet (its recorded hash keys and diffs would need mapping too). Nothing was changed.");
        }

        if (source.Hubs.FirstOrDefault(h => h.IsReference) is { } reference)
        {
            throw new DataVaultRehashException($"The model has reference hub {reference.TableName}: a rehash of a vault with reference hubs is not built yet (their codes keep, but their satellites' hash diffs would need recomputing). Nothing was changed.");
        }

        var names = new RehashNames(dialect, source, loaderSchema);
        return new RehashPlan(source, target, entities, Steps(source, names), names, Fingerprint(source, target));
    }

    private static List<RehashStep> Steps(DataVaultModel model, RehashNames names)
    {
        var steps = new List<RehashStep>();
        void Add(RehashStepKind kind, string table, string description) => steps.Add(new RehashStep(steps.Count + 1, kind, table, description));
        foreach (var hub in model.Hubs)
        {
            Add(RehashStepKind.MapHubKeys, hub.TableName, $"map the keys of {hub.TableName} into {names.KeyMap(hub.TableName)} (new key from the stored {string.Join(", ", hub.BusinessKeys.Select(k => k.Name))})");
        }

        foreach (var link in model.Links)
        {
            Add(RehashStepKind.MapLinkKeys, link.TableName, $"map the keys of {link.TableName} into {names.KeyMap(link.TableName)} (new key from its hubs' business keys{(link.DependentChildKeys.Count > 0 ? " and " + string.Join(", ", link.DependentChildKeys.Select(k => k.Name)) : string.Empty)})");
        }

        foreach (var hub in model.Hubs)
        {
            Add(RehashStepKind.CopyHub, hub.TableName, $"copy {hub.TableName} with its new keys into {names.Scratch(hub.TableName)}");
        }

        foreach (var link in model.Links)
        {
            Add(RehashStepKind.CopyLink, link.TableName, $"copy {link.TableName} with the new link and hub keys into {names.Scratch(link.TableName)}");
        }

        foreach (var satellite in model.Satellites)
        {
            Add(RehashStepKind.CopySatellite, satellite.TableName, $"copy {satellite.TableName} with the new parent keys and hash diffs computed again from its attributes into {names.Scratch(satellite.TableName)}");
        }

        foreach (var pit in model.PointInTimes)
        {
            Add(RehashStepKind.CopyPointInTime, pit.TableName, $"copy {pit.TableName} with the new hub keys into {names.Scratch(pit.TableName)}");
        }

        Add(RehashStepKind.Swap, "vault", "check that no rows arrived meanwhile, then replace every table and view of the vault by its copy under the target standards");
        Add(RehashStepKind.Cleanup, "vault", $"drop the scratch tables; keep {string.Join(", ", names.KeyMapTables)}");
        return steps;
    }

    private static T? Counterpart<T>(IReadOnlyList<T> candidates, string name, string path, List<string> problems)
        where T : VaultEntity
    {
        var match = candidates.FirstOrDefault(c => c.Name == name);
        if (match is null)
        {
            problems.Add($"{path} is not in the target model");
        }

        return match;
    }

    /// <summary>The same table name, columns, order, nullability and types — except the hash columns' types.</summary>
    private static void Compare(TableDefinition current, TableDefinition target, IReadOnlyList<string> hashColumns, string path, List<string> problems)
    {
        if (current.Name != target.Name)
        {
            problems.Add($"{path} is stored in {target.Name} in the target model, not {current.Name}");
            return;
        }

        if (!current.Columns.Select(c => c.Name).SequenceEqual(target.Columns.Select(c => c.Name)))
        {
            problems.Add($"{path}: the target model's columns ({string.Join(", ", target.Columns.Select(c => c.Name))}) are not the table's ({string.Join(", ", current.Columns.Select(c => c.Name))}); migrate first");
            return;
        }

        for (var i = 0; i < current.Columns.Count; i++)
        {
            var (a, b) = (current.Columns[i], target.Columns[i]);
            if (a.NotNull != b.NotNull || (!hashColumns.Contains(a.Name) && a.Type.Text != b.Type.Text))
            {
                problems.Add($"{path}: column {a.Name} is {b.Type.Text}{(b.NotNull ? " NOT NULL" : string.Empty)} in the target model, {a.Type.Text}{(a.NotNull ? " NOT NULL" : string.Empty)} in the table; migrate first");
            }
        }
    }

    private static string Fingerprint(DataVaultModel source, DataVaultModel target)
    {
        static IEnumerable<string> Standards(DataVaultModel model) =>
            model.Hubs.Select(h => h.Path + "=" + h.HashingStandard)
                .Concat(model.Links.Select(l => l.Path + "=" + l.HashingStandard))
                .Concat(model.Satellites.Select(s => s.Path + "=" + s.HashingStandard));
        var text = string.Join("\n", Standards(source)) + "\n->\n" + string.Join("\n", Standards(target));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
