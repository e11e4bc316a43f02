using System.Text;

namespace DataVault.Core.Modeling;

/// <summary>
/// Writes a model as a Mermaid <c>erDiagram</c>: one entity per table, a relation per key reference. Entity names are
/// always quoted, so a table named like a Mermaid keyword (<c>to</c>, <c>one</c>, <c>class</c>, ...) still parses, and
/// a column named <c>pk</c>, <c>fk</c> or <c>uk</c> (which Mermaid would read as a key marker) is written in backticks.
/// </summary>
internal static class MermaidDiagram
{
    public static string Write(DataVaultModel model)
    {
        var text = new StringBuilder();
        text.AppendLine("erDiagram");
        foreach (var hub in model.Hubs)
        {
            Entity(text, hub.TableName, hub.IsReference
                ? [Column(hub.BusinessKeys[0], "PK", "reference code")]
                : [Hash(hub.HashKeyColumn, "PK", "hash key"), .. hub.BusinessKeys.Select(k => Column(k, "UK", "business key"))]);
        }

        foreach (var link in model.Links)
        {
            Entity(text, link.TableName, [
                Hash(link.HashKeyColumn, "PK", "hash key"),
                .. link.Hubs.Select(h => Hash(h.HashKeyColumn, "FK", h.Role is null ? h.Hub.Name : h.Role + " " + h.Hub.Name)),
                .. link.DependentChildKeys.Select(k => Column(k, "", "dependent child key"))]);
            foreach (var reference in link.Hubs)
            {
                Relation(text, reference.Hub.TableName, link.TableName, reference.Role ?? reference.Hub.Name);
            }
        }

        foreach (var tracking in model.ExtendedTrackings)
        {
            Entity(text, tracking.TableName, [
                tracking.Parent is Hub { IsReference: true } reference ? Column(reference.BusinessKeys[0], "PK, FK", "reference code") : Hash(tracking.ParentHashKeyColumn, "PK, FK", "parent hash key"),
                ("timestamp", model.Naming.LoadDate, "PK", ""),
                ("string", tracking.SatelliteNameColumn, "PK", string.Join(" ", tracking.Satellites.Select(s => s.TableName))),
                Hash(model.Naming.HashDiff, "", "hash diff")]);
            Relation(text, tracking.Parent.TableName, tracking.TableName, "tracks");
        }

        foreach (var satellite in model.Satellites)
        {
            Entity(text, satellite.TableName, [
                satellite.Parent is Hub { IsReference: true } reference ? Column(reference.BusinessKeys[0], "PK, FK", "reference code") : Hash(satellite.ParentHashKeyColumn, "PK, FK", "parent hash key"),
                ("timestamp", model.Naming.LoadDate, "PK", ""),
                Hash(satellite.HashDiffColumn, "", "hash diff"),
                .. satellite.Attributes.Select(a => Column(a, "", ""))]);
            Relation(text, satellite.Parent.TableName, satellite.TableName, "describes");
        }

        foreach (var pit in model.PointInTimes)
        {
            Entity(text, pit.TableName, [
                Hash(pit.HashKeyColumn, "PK, FK", "hub hash key"),
                ("date", pit.SnapshotDateColumn, "PK", ""),
                .. pit.Satellites.Select(s => ("timestamp", s.LoadDateColumn, "", s.Satellite.TableName))]);
            Relation(text, pit.Hub.TableName, pit.TableName, "snapshots");
        }

        return text.ToString();
    }

    private static (string Type, string Name, string Key, string Comment) Hash(string name, string key, string comment) => ("hash", name, key, comment);

    private static (string Type, string Name, string Key, string Comment) Column(ColumnDefinition column, string key, string comment) =>
        (column.Type.Kind.ToString().ToLowerInvariant(), column.Name, key, comment);

    private static void Relation(StringBuilder text, string parent, string child, string label) =>
        text.Append("    \"").Append(parent).Append("\" ||--o{ \"").Append(child).Append("\" : \"").Append(label).AppendLine("\"");

    private static void Entity(StringBuilder text, string table, IEnumerable<(string Type, string Name, string Key, string Comment)> columns)
    {
        text.Append("    \"").Append(table).AppendLine("\" {");
        foreach (var (type, name, key, comment) in columns)
        {
            text.Append("        ").Append(type).Append(' ').Append(IsKeyMarker(name) ? "`" + name + "`" : name);
            if (key.Length > 0)
            {
                text.Append(' ').Append(key);
            }

            if (comment.Length > 0)
            {
                text.Append(" \"").Append(comment).Append('"');
            }

            text.AppendLine();
        }

        text.AppendLine("    }");
    }

    private static bool IsKeyMarker(string name) =>
        name.Equals("pk", StringComparison.OrdinalIgnoreCase) || name.Equals("fk", StringComparison.OrdinalIgnoreCase) || name.Equals("uk", StringComparison.OrdinalIgnoreCase);
}
