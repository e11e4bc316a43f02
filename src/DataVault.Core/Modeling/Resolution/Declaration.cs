namespace DataVault.Core.Modeling.Resolution;

/// <summary>A declared entity as the resolver named it: its kind, name, path, table and whether it was refused.</summary>
/// <param name="Kind">The kind as messages name it: <c>hub</c>, <c>link</c>, <c>satellite</c>, <c>point-in-time table</c>.</param>
/// <param name="Name">The declared name.</param>
/// <param name="Path">The diagnostic path, e.g. <c>hub:customer</c>.</param>
/// <param name="Table">The table: the explicit <c>ToTable(...)</c> name or the naming conventions'.</param>
/// <param name="Refusal">Why it was left out of the model, or <see cref="Resolution.Refusal.None"/>.</param>
internal sealed record Declaration(string Kind, string Name, string Path, string Table, Refusal Refusal)
{
    /// <summary>Whether the entity was left out of the model.</summary>
    public bool IsRefused => Refusal != Refusal.None;
}
