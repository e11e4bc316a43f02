using DataVault.Core.Modeling;
using DataVault.Core.Sql;

namespace DataVault.Core.Loading.Planning;

/// <summary>
/// What a batch will do, decided before anything touches the database: one <see cref="SourcePlan"/> per source (which
/// tables it feeds and from which columns), the stages (<see cref="StageSet"/>: a staging table per vault table, in
/// merge order), and what every staged row shares (<see cref="BatchState"/>). Pure: it needs the model, the dialect (for
/// the staging tables' types), the options and each source's column names — no connection — so tests build it directly.
/// </summary>
internal sealed class BatchPlan
{
    private readonly List<SourcePlan> _sources = [];
    private readonly DataVaultModel _model;

    private BatchPlan(DataVaultModel model, BatchState state, StageSet stages)
    {
        _model = model;
        State = state;
        Stages = stages;
    }

    /// <summary>What every staged row shares: load date, record source, zero keys, the sources.</summary>
    public BatchState State { get; }

    /// <summary>The stages.</summary>
    public StageSet Stages { get; }

    /// <summary>The source plans, in the batch's order.</summary>
    public IReadOnlyList<SourcePlan> Sources => _sources;

    /// <summary>Plans a batch whose sources' columns are known.</summary>
    /// <param name="model">The model.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="options">The options.</param>
    /// <param name="batch">The batch.</param>
    /// <param name="loadDate">The batch's load date (normalised).</param>
    /// <param name="sourceColumns">The column names of each source, in the batch's order.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="DataVaultLoadException">A source does not fit the model (see <see cref="Add"/>).</exception>
    public static BatchPlan Create(DataVaultModel model, SqlDialect dialect, LoadOptions options, LoadBatch batch, DateTime loadDate, IReadOnlyList<IReadOnlyList<string>> sourceColumns)
    {
        ArgumentNullException.ThrowIfNull(sourceColumns);
        var plan = Start(model, dialect, options, batch, loadDate);
        ArgumentOutOfRangeException.ThrowIfNotEqual(sourceColumns.Count, batch.Sources.Count, nameof(sourceColumns));
        for (var i = 0; i < sourceColumns.Count; i++)
        {
            plan.Add(sourceColumns[i]);
        }

        return plan;
    }

    /// <summary>Starts a plan without sources; <see cref="Add"/> plans each source once its reader has told its columns.</summary>
    /// <param name="model">The model.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="options">The options.</param>
    /// <param name="batch">The batch.</param>
    /// <param name="loadDate">The batch's load date (normalised).</param>
    /// <returns>The plan.</returns>
    public static BatchPlan Start(DataVaultModel model, SqlDialect dialect, LoadOptions options, LoadBatch batch, DateTime loadDate)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(batch);
        var zeroKeys = model.Hubs.ToDictionary(h => h, h => dialect.ZeroKeyValue(h.HashingStandard, options.Ddl));
        var state = new BatchState(loadDate, batch.RecordSource, batch.Sources, zeroKeys, options);
        return new BatchPlan(model, state, new StageSet(dialect, options));
    }

    /// <summary>Plans the next source of the batch from its column names.</summary>
    /// <param name="columns">The source's column names.</param>
    /// <returns>The source's plan.</returns>
    /// <exception cref="DataVaultLoadException">The columns do not fit the model or the mapping (missing, repeated or unnamed columns; a source that feeds nothing).</exception>
    public SourcePlan Add(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var index = _sources.Count;
        if (index >= State.Sources.Count)
        {
            throw new InvalidOperationException("Every source of the batch is planned.");
        }

        var plan = SourcePlan.Create(State.Sources[index], index, columns, _model, Stages);
        _sources.Add(plan);
        return plan;
    }
}
