using System.Text;
using DataVault.Core.Modeling;

namespace DataVault.Core.Rehashing;

/// <summary>
/// How a vault moves from the hashing standards of its current model to those of a target model — the same hubs,
/// links, satellites and PITs — in resumable steps: a key map per hub and link (old key → new key, computed with the C#
/// engine from the stored business keys), a scratch copy of every table with its new keys and diffs, one swap, a clean
/// up. Built without a database (<see cref="Loading.VaultLoader.PlanRehash"/>); see docs/changing-the-model.md#rehashing.
/// </summary>
public sealed class RehashPlan
{
    internal RehashPlan(DataVaultModel source, DataVaultModel target, IReadOnlyList<RehashedEntity> entities, IReadOnlyList<RehashStep> steps, RehashNames names, string fingerprint)
    {
        Source = source;
        Target = target;
        Entities = entities;
        Steps = steps;
        Names = names;
        Fingerprint = fingerprint;
    }

    /// <summary>Every hub, link and satellite, with the standard it is stored under now and after the rehash.</summary>
    public IReadOnlyList<RehashedEntity> Entities { get; }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<RehashStep> Steps { get; }

    /// <summary>The key map tables the rehash writes and keeps (<c>dv_old_key</c>, <c>dv_new_key</c>), one per hub and link.</summary>
    public IReadOnlyList<string> KeyMapTables => Names.KeyMapTables;

    /// <summary>The table that records each completed step, so that an interrupted rehash resumes where it stopped.</summary>
    public string LogTable => Names.Log;

    /// <summary>Identifies this rehash (the standards of every entity before and after) in the rehash log.</summary>
    public string Fingerprint { get; }

    internal DataVaultModel Source { get; }

    internal DataVaultModel Target { get; }

    internal RehashNames Names { get; }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Rehash of ").Append(Entities.Count).Append(" hub(s), link(s) and satellite(s):");
        foreach (var entity in Entities)
        {
            text.AppendLine().Append("  ").Append(entity.Path).Append(": ").Append(entity.From).Append(" -> ").Append(entity.To);
        }

        text.AppendLine().Append("Steps:");
        foreach (var step in Steps)
        {
            text.AppendLine().Append("  ").Append(step);
        }

        return text.ToString();
    }
}
