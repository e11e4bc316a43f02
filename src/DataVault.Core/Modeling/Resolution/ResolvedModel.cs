using DataVault.Core.Hashing;

namespace DataVault.Core.Modeling.Resolution;

/// <summary>
/// The model as <see cref="ModelResolver"/> named and linked it, before validation: every declaration in declared
/// order (refused ones included, so the validator can report them where they stand) with the model pieces built from
/// the accepted ones. <see cref="ToModel"/> assembles the <see cref="DataVaultModel"/> once the validator found nothing.
/// </summary>
/// <param name="Standard">The vault's hashing standard, as declared.</param>
/// <param name="Naming">The naming conventions.</param>
/// <param name="Hubs">The declared hubs.</param>
/// <param name="Links">The declared links.</param>
/// <param name="Satellites">The declared satellites.</param>
/// <param name="PointInTimes">The declared point-in-time tables.</param>
internal sealed record ResolvedModel(
    HashingStandard Standard,
    NamingConventions Naming,
    IReadOnlyList<ResolvedHub> Hubs,
    IReadOnlyList<ResolvedLink> Links,
    IReadOnlyList<ResolvedSatellite> Satellites,
    IReadOnlyList<ResolvedPointInTime> PointInTimes)
{
    /// <summary>The names of the hubs in the model (not refused), in declared order.</summary>
    public IEnumerable<string> HubNames => Hubs.Where(h => h.Hub is not null).Select(h => h.Declaration.Name);

    /// <summary>The names of the links in the model (not refused), in declared order.</summary>
    public IEnumerable<string> LinkNames => Links.Where(l => l.Link is not null).Select(l => l.Declaration.Name);

    /// <summary>The satellites in the model (not refused, with a parent), in declared order.</summary>
    public IEnumerable<Satellite> BuiltSatellites => Satellites.Select(s => s.Satellite).OfType<Satellite>();

    /// <summary>The model; only for a resolution the validator found no problem in, where every declaration is built.</summary>
    /// <returns>The immutable model.</returns>
    /// <exception cref="InvalidOperationException">A declaration was not built (the model has problems).</exception>
    public DataVaultModel ToModel()
    {
        var model = new DataVaultModel(
            Standard,
            Naming,
            [.. Hubs.Select(h => h.Hub ?? throw NotBuilt(h.Declaration))],
            [.. Links.Select(l => l.Link ?? throw NotBuilt(l.Declaration))],
            [.. Satellites.Select(s => s.Satellite ?? throw NotBuilt(s.Declaration))],
            [.. PointInTimes.Select(p => p.PointInTime ?? throw NotBuilt(p.Declaration))])
        {
            Schemas = Schemas,
        };

        // Each object learns its layer's schema once the model is assembled; nothing changes it afterwards.
        foreach (var entity in model.Hubs.Cast<VaultEntity>().Concat(model.Links))
        {
            entity.Schema = Schemas.RawVault;
        }

        foreach (var satellite in model.Satellites)
        {
            satellite.Schema = Schemas.RawVault;
        }

        foreach (var pit in model.PointInTimes)
        {
            pit.Schema = Schemas.BusinessVault;
        }

        return model;
    }

    /// <summary>The database schemas of the layers.</summary>
    public VaultSchemas Schemas { get; init; } = VaultSchemas.None;

    private static InvalidOperationException NotBuilt(Declaration declaration) =>
        new($"{declaration.Path} was not built: the model has problems, and a model with problems is never assembled.");
}
