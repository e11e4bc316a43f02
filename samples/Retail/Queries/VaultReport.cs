using System.Data.Common;
using System.Globalization;
using DataVault.Core.Execution;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using Retail.Database;

namespace Retail.Queries;

/// <summary>One line of the report: a section, a metric and its value.</summary>
/// <param name="Section">E.g. <c>Hubs</c>.</param>
/// <param name="Metric">E.g. <c>hub_customer</c>.</param>
/// <param name="Value">The count.</param>
internal sealed record ReportLine(string Section, string Metric, long Value);

/// <summary>The data-quality report, read from the vault.</summary>
/// <param name="Lines">Counts by section.</param>
/// <param name="BatchLog">The batch log table, as stored.</param>
internal sealed record VaultReportData(IReadOnlyList<ReportLine> Lines, QueryResult? BatchLog)
{
    /// <summary>The value of one metric.</summary>
    /// <param name="section">The section.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The value.</returns>
    public long Value(string section, string metric) => Lines.Single(l => l.Section == section && l.Metric == metric).Value;
}

/// <summary>
/// The seed's data-quality report (<c>generate_data_quality_report</c>): hub and link counts (without the ghost
/// records), current rows of every satellite, customers and products with history, and the batch log.
/// </summary>
internal static class VaultReport
{
    /// <summary>Section names.</summary>
    public const string Hubs = "Hubs", Links = "Links", Current = "Current satellite rows", History = "History";

    /// <summary>Reads the report.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="model">The vault's model.</param>
    /// <param name="batchLogTable">The batch log table, or <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>The report.</returns>
    public static async Task<VaultReportData> ReadAsync(DbConnection connection, SqlDialect dialect, DataVaultModel model, string? batchLogTable, CancellationToken cancellationToken)
    {
        string Q(string identifier) => dialect.QuoteIdentifier(identifier);
        var session = new VaultSession(connection, dialect);
        var ghost = new SqlParameterValue("ghost", SqlDialect.GhostRecordSource);
        var notGhost = $"{Q(model.Naming.RecordSource)} <> {dialect.ParameterPlaceholder("ghost")}";
        var lines = new List<ReportLine>();

        async Task Count(string section, string metric, string sql, bool withGhost = true)
        {
            var value = await session.ScalarAsync(new SqlStatement(sql, withGhost ? [ghost] : []), null, cancellationToken);
            lines.Add(new ReportLine(section, metric, Convert.ToInt64(value ?? 0L, CultureInfo.InvariantCulture)));
        }

        foreach (var hub in model.Hubs)
        {
            await Count(Hubs, hub.TableName, $"SELECT COUNT(*) FROM {Q(hub.TableName)} WHERE {notGhost}");
        }

        foreach (var link in model.Links)
        {
            await Count(Links, link.TableName, $"SELECT COUNT(*) FROM {Q(link.TableName)}", withGhost: false);
        }

        foreach (var satellite in model.Satellites)
        {
            await Count(Current, satellite.TableName, $"SELECT COUNT(*) FROM {Q(satellite.TableName)} WHERE {Q(model.Naming.LoadEndDate)} IS NULL AND {notGhost}");
        }

        // Keys with more than one version: the history the vault keeps (end-dated versions exist only after a change).
        foreach (var (metric, table) in new[]
        {
            ("customers with changed details", "sat_customer_details"),
            ("customers with changed contact", "sat_customer_contact"),
            ("customers with changed phones", "sat_customer_phones"),
            ("products with changed details", "sat_product_details"),
            ("products with price changes", "sat_product_pricing"),
            ("stores with changes", "sat_store_details"),
        })
        {
            var satellite = model.Satellites.Single(s => s.TableName == table);
            await Count(History, metric, $"SELECT COUNT(DISTINCT {Q(satellite.ParentHashKeyColumn)}) FROM {Q(table)} WHERE {Q(model.Naming.LoadEndDate)} IS NOT NULL AND {notGhost}");
        }

        // The seed's track_deletes: products the catalogue's latest full extract lacks (current status D).
        if (model.Satellites.FirstOrDefault(s => s.TracksStatus && s.TableName == "sat_product_status") is { } status)
        {
            var deleted = new SqlParameterValue("deleted", Satellite.StatusDeleted);
            var value = await session.ScalarAsync(
                new SqlStatement($"SELECT COUNT(*) FROM {Q(status.TableName)} WHERE {Q(model.Naming.LoadEndDate)} IS NULL AND {Q(status.StatusColumn!)} = {dialect.ParameterPlaceholder("deleted")}", [deleted]),
                null,
                cancellationToken);
            lines.Add(new ReportLine(History, "discontinued products", Convert.ToInt64(value ?? 0L, CultureInfo.InvariantCulture)));
        }

        if (model.Satellites.FirstOrDefault(s => s.IsEffectivity && s.TableName == "sat_product_promotion_effectivity") is { } effectivity)
        {
            var value = await session.ScalarAsync(
                new SqlStatement($"SELECT COUNT(*) FROM {Q(effectivity.TableName)} WHERE {Q(model.Naming.LoadEndDate)} IS NULL AND {Q(effectivity.StatusColumn!)} = {dialect.ParameterPlaceholder("active")}", [new("active", Satellite.EffectivityActive)]),
                null,
                cancellationToken);
            lines.Add(new ReportLine(History, "products on a promotion now", Convert.ToInt64(value ?? 0L, CultureInfo.InvariantCulture)));
        }

        foreach (var satellite in model.Satellites)
        {
            await Count(History, satellite.TableName + " rows", $"SELECT COUNT(*) FROM {Q(satellite.TableName)} WHERE {notGhost}");
        }

        QueryResult? log = null;
        if (batchLogTable is not null && await Sql.TableExistsAsync(connection, dialect, batchLogTable, cancellationToken))
        {
            var rows = await session.QueryAsync(SqlStatement.Of($"SELECT * FROM {Q(batchLogTable)} ORDER BY 1"), null, null, cancellationToken);
            log = new QueryResult(rows.Columns, rows.Rows);
        }

        return new VaultReportData(lines, log);
    }
}
