using DataVault.Core.Hashing;
using DataVault.Core.Modeling.Resolution;
using DataVault.Core.Modeling.Validation;

namespace DataVault.Core.Modeling;

/// <summary>
/// Declares a Data Vault in code and builds a validated, immutable <see cref="DataVaultModel"/>.
/// <code>
/// var model = new DataVaultModelBuilder()
///     .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(50)))
///     .Hub("product", h => h.BusinessKey("product_id", DataType.String(50)))
///     .Link("sale", l => l.Hub("customer").Hub("product").DependentChildKey("line_no", DataType.Int))
///     .Satellite("product_pricing", s => s.OnHub("product").Attribute("unit_price", DataType.Decimal(10, 2)))
///     .Build();
/// </code>
/// </summary>
public sealed class DataVaultModelBuilder
{
    private readonly List<HubBuilder> _hubs = [];
    private readonly List<LinkBuilder> _links = [];
    private readonly List<SatelliteBuilder> _satellites = [];
    private readonly List<PointInTimeBuilder> _pointInTimes = [];
    private HashingStandard _standard = HashingStandards.Default;
    private NamingConventions _naming = NamingConventions.Default;
    private VaultSchemas _schemas = VaultSchemas.None;

    /// <summary>Sets the vault's hashing standard (default <c>dv2-default-v1</c>); entities may override it.</summary>
    /// <param name="standard">The standard.</param>
    /// <returns>This builder.</returns>
    public DataVaultModelBuilder UseHashingStandard(HashingStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        _standard = standard;
        return this;
    }

    /// <summary>Sets the naming conventions (default: the seed schema's).</summary>
    /// <param name="naming">The conventions.</param>
    /// <returns>This builder.</returns>
    public DataVaultModelBuilder UseNamingConventions(NamingConventions naming)
    {
        ArgumentNullException.ThrowIfNull(naming);
        _naming = naming;
        return this;
    }

    /// <summary>
    /// Puts the vault's layers into database schemas: hubs, links, satellites and their views into
    /// <paramref name="rawVault"/>, point-in-time tables into <paramref name="businessVault"/> (each a plain identifier,
    /// validated like a table name; <see langword="null"/> for the connection's default schema). The loader creates the
    /// schemas that do not exist. Engines without schemas (SQLite) refuse them (DV1008).
    /// </summary>
    /// <param name="rawVault">The raw vault's schema, e.g. <c>raw_vault</c>.</param>
    /// <param name="businessVault">The business vault's schema, e.g. <c>business_vault</c>.</param>
    /// <returns>This builder.</returns>
    public DataVaultModelBuilder UseSchemas(string? rawVault, string? businessVault = null)
    {
        _schemas = new VaultSchemas(rawVault, businessVault);
        return this;
    }

    /// <summary>Declares a hub.</summary>
    /// <param name="name">The hub's name, e.g. <c>customer</c> (table <c>hub_customer</c>).</param>
    /// <param name="configure">Adds business keys and options.</param>
    /// <returns>This builder.</returns>
    public DataVaultModelBuilder Hub(string name, Action<HubBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        var hub = new HubBuilder(name);
        configure(hub);
        _hubs.Add(hub);
        return this;
    }

    /// <summary>
    /// Declares a **reference hub**: a code table (currencies, payment methods, countries) identified by its code itself,
    /// without a hash key — one business key, which is the table's primary key and the key its satellites refer to. Its
    /// satellites (<c>Satellite(name, s =&gt; s.OnHub(name)...)</c>) are historised like any (a new version when the hash
    /// diff changes), and each gets a current view beside its history view: the latest version of every code. A link
    /// or point-in-time table cannot refer to a reference hub (DV1039).
    /// </summary>
    /// <param name="name">The reference hub's name, e.g. <c>currency</c> (table <c>ref_currency</c>).</param>
    /// <param name="configure">Adds the one business key (the code) and options.</param>
    /// <returns>This builder.</returns>
    public DataVaultModelBuilder ReferenceHub(string name, Action<HubBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        var hub = new HubBuilder(name) { IsReference = true };
        configure(hub);
        _hubs.Add(hub);
        return this;
    }

    /// <summary>Declares a link.</summary>
    /// <param name="name">The link's name, e.g. <c>sales</c> (table <c>link_sales</c>).</param>
    /// <param name="configure">Adds hubs, dependent child keys and options.</param>
    /// <returns>This builder.</returns>
    public DataVaultModelBuilder Link(string name, Action<LinkBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        var link = new LinkBuilder(name);
        configure(link);
        _links.Add(link);
        return this;
    }

    /// <summary>Declares a satellite.</summary>
    /// <param name="name">The satellite's name, e.g. <c>customer_details</c> (table <c>sat_customer_details</c>).</param>
    /// <param name="configure">Sets the parent, adds attributes and options.</param>
    /// <returns>This builder.</returns>
    public DataVaultModelBuilder Satellite(string name, Action<SatelliteBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        var satellite = new SatelliteBuilder(name);
        configure(satellite);
        _satellites.Add(satellite);
        return this;
    }

    /// <summary>
    /// Declares a point-in-time (PIT) table over a hub and its satellites: one row per hub key and daily snapshot
    /// date with the load date of each satellite's version current at the end of that day.
    /// <code>
    /// builder.PointInTime("customer", p => p.OnHub("customer").Satellites("customer_details", "customer_contact"));
    /// </code>
    /// </summary>
    /// <param name="name">The PIT's name, e.g. <c>customer</c> (table <c>pit_customer</c>).</param>
    /// <param name="configure">Sets the hub and, optionally, the satellites (default: all of the hub's).</param>
    /// <returns>This builder.</returns>
    public DataVaultModelBuilder PointInTime(string name, Action<PointInTimeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        var pit = new PointInTimeBuilder(name);
        configure(pit);
        _pointInTimes.Add(pit);
        return this;
    }

    /// <summary>Validates the model with the portable identifier limit (63 bytes) and builds it.</summary>
    /// <returns>The model.</returns>
    /// <exception cref="DataVaultModelException">The model has problems; <see cref="DataVaultModelException.Diagnostics"/> lists every one.</exception>
    public DataVaultModel Build() => Build(null);

    /// <summary>Validates the model for <paramref name="target"/> (its identifier length limit) and builds it.</summary>
    /// <param name="target">The database the model is for (a SQL dialect), or <see langword="null"/> for the portable limit.</param>
    /// <returns>The model.</returns>
    /// <exception cref="DataVaultModelException">The model has problems; <see cref="DataVaultModelException.Diagnostics"/> lists every one.</exception>
    public DataVaultModel Build(IModelTarget? target)
    {
        var (resolved, diagnostics) = ResolveAndValidate(target);
        return diagnostics.Count == 0 ? resolved.ToModel() : throw new DataVaultModelException(diagnostics);
    }

    /// <summary>Lists every problem of the model without building it.</summary>
    /// <param name="target">The database the model is for, or <see langword="null"/> for the portable limit.</param>
    /// <returns>The diagnostics; empty when the model is valid.</returns>
    public IReadOnlyList<ModelDiagnostic> Validate(IModelTarget? target = null) => ResolveAndValidate(target).Diagnostics;

    /// <summary>
    /// The one path of <see cref="Build(IModelTarget?)"/> and <see cref="Validate"/>, so that both report the same:
    /// resolve the declarations (names, tables, references), then validate the result.
    /// </summary>
    private (ResolvedModel Resolved, IReadOnlyList<ModelDiagnostic> Diagnostics) ResolveAndValidate(IModelTarget? target)
    {
        var resolved = ModelResolver.Resolve(_standard, _naming, _hubs, _links, _satellites, _pointInTimes) with { Schemas = _schemas };
        return (resolved, ModelValidator.Validate(resolved, target));
    }
}
