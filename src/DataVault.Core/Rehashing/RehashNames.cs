using System.Text;
using DataVault.Core.Hashing;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Rehashing;

/// <summary>The tables a rehash writes beside the vault: key maps (kept), scratch copies (dropped at the end) and its log.</summary>
internal sealed class RehashNames(SqlDialect dialect, DataVaultModel model, string? loaderSchema = null)
{
    /// <summary>The rehash log.</summary>
    public string Log { get; } = "dv_rehash_log";

    /// <summary>The schema of the rehash log: the loader's (<see cref="Loading.LoadOptions.LoaderSchema"/>).</summary>
    public string? LogSchema => loaderSchema;

    /// <summary>The schema of the key maps: the raw vault's, beside the hubs and links they map.</summary>
    public string? KeyMapSchema => model.Schemas.RawVault;

    /// <summary>The schema of a vault table of the model (a PIT's is the business vault's), where its scratch copy goes too.</summary>
    public string? SchemaOf(string table) => model.PointInTimes.Any(p => p.TableName == table) ? model.Schemas.BusinessVault : model.Schemas.RawVault;

    /// <summary>The key map tables, hubs first.</summary>
    public IReadOnlyList<string> KeyMapTables => [.. model.Hubs.Select(h => KeyMap(h.TableName)), .. model.Links.Select(l => KeyMap(l.TableName))];

    /// <summary>The key map of a hub or link table.</summary>
    public string KeyMap(string table) => Name("dv_keymap_", table);

    /// <summary>The scratch copy of a vault table.</summary>
    public string Scratch(string table) => Name("dv_rehash_", table);

    private string Name(string prefix, string table)
    {
        var name = prefix + table;
        if (Encoding.UTF8.GetByteCount(name) > dialect.MaxIdentifierLength)
        {
            // Within the engine's limit, told apart by a stable hash of the whole name.
            name = name[..(dialect.MaxIdentifierLength - 9)] + "_" + DataVaultHasher.Default.HashKeyHex(name)![..8];
        }

        Identifiers.EnsureSafe(name, nameof(table));
        return name;
    }
}
