using DataVault.Core.Loading;
using DataVault.Core.Modeling;
using DataVault.Core.Sql;
using DataVault.Core.Sql.Writers;
using FluentAssertions;
using Xunit;

namespace DataVault.Core.Tests.Loading;

/// <summary>The SQL the loader writes for itself, per engine: the exact texts the loader has always sent, values as parameters.</summary>
public class LoaderStatementsTests
{
    private static readonly DataVaultModel Model = new DataVaultModelBuilder()
        .Hub("customer", h => h.BusinessKey("customer_id", DataType.String(20)))
        .Satellite("customer_details", s => s.OnHub("customer").Attribute("name", DataType.String(50)))
        .Build();

    public static TheoryData<string, string, string, string, string> Texts() => new()
    {
        {
            "sqlite",
            "SELECT COALESCE(MAX(\"batch_id\"), 0) + 1 FROM \"etl_batch_log\"",
            "INSERT INTO \"etl_batch_log\" (\"batch_id\", \"batch_name\", \"load_date\", \"record_source\", \"start_time\", \"status\", \"session_id\") VALUES (@id, @name, @load_date, @record_source, @start_time, @status, @session_id)",
            "UPDATE \"etl_batch_log\" SET \"end_time\" = @end_time, \"status\" = @status, \"records_processed\" = @records_processed, \"records_inserted\" = @records_inserted, \"records_updated\" = @records_updated, \"records_rejected\" = @records_rejected, \"target_counts\" = @target_counts, \"error_message\" = @error_message WHERE \"batch_id\" = @batch_id",
            "INSERT INTO \"dv_rejected_rows\" (\"batch_id\", \"source_name\", \"line_number\", \"column_name\", \"reason\", \"raw_row\") VALUES (@batch_id, @source_name, @line_number, @column_name, @reason, @raw_row)"
        },
        {
            "mariadb",
            "SELECT COALESCE(MAX(`batch_id`), 0) + 1 FROM `etl_batch_log`",
            "INSERT INTO `etl_batch_log` (`batch_id`, `batch_name`, `load_date`, `record_source`, `start_time`, `status`, `session_id`) VALUES (@id, @name, @load_date, @record_source, @start_time, @status, @session_id)",
            "UPDATE `etl_batch_log` SET `end_time` = @end_time, `status` = @status, `records_processed` = @records_processed, `records_inserted` = @records_inserted, `records_updated` = @records_updated, `records_rejected` = @records_rejected, `target_counts` = @target_counts, `error_message` = @error_message WHERE `batch_id` = @batch_id",
            "INSERT INTO `dv_rejected_rows` (`batch_id`, `source_name`, `line_number`, `column_name`, `reason`, `raw_row`) VALUES (@batch_id, @source_name, @line_number, @column_name, @reason, @raw_row)"
        },
        {
            "duckdb",
            "SELECT COALESCE(MAX(\"batch_id\"), 0) + 1 FROM \"etl_batch_log\"",
            "INSERT INTO \"etl_batch_log\" (\"batch_id\", \"batch_name\", \"load_date\", \"record_source\", \"start_time\", \"status\", \"session_id\") VALUES ($id, $name, $load_date, $record_source, $start_time, $status, $session_id)",
            "UPDATE \"etl_batch_log\" SET \"end_time\" = $end_time, \"status\" = $status, \"records_processed\" = $records_processed, \"records_inserted\" = $records_inserted, \"records_updated\" = $records_updated, \"records_rejected\" = $records_rejected, \"target_counts\" = $target_counts, \"error_message\" = $error_message WHERE \"batch_id\" = $batch_id",
            "INSERT INTO \"dv_rejected_rows\" (\"batch_id\", \"source_name\", \"line_number\", \"column_name\", \"reason\", \"raw_row\") VALUES ($batch_id, $source_name, $line_number, $column_name, $reason, $raw_row)"
        },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_batch_log_and_quarantine_statements_keep_their_text(string engine, string nextId, string start, string finish, string quarantine)
    {
        var statements = new LoaderStatements(Dialect(engine));

        statements.NextBatchId("etl_batch_log").Text.Should().Be(nextId);
        statements.StartBatch("etl_batch_log", 7, "b1", new DateTime(2026, 1, 1), "crm", new DateTime(2026, 1, 2), "4242").Text.Should().Be(start);
        statements.FinishBatch("etl_batch_log", 7, BatchStatus.Succeeded, new DateTime(2026, 1, 2), 1, 2, 3, 4, "{}", null).Text.Should().Be(finish);
        statements.InsertQuarantined("dv_rejected_rows", 7, "a.csv", 3, null, "bad", "{}").Text.Should().Be(quarantine);
    }

    [Fact]
    public void Every_value_is_a_parameter_converted_by_the_dialect()
    {
        var dialect = SqlDialects.Sqlite;
        var statements = new LoaderStatements(dialect);
        var loadDate = new DateTime(2026, 1, 1, 8, 0, 0);

        statements.StartBatch("etl_batch_log", 7, "b1", loadDate, "crm", loadDate.AddHours(1), null).ParameterDictionary().Should().Equal(new Dictionary<string, object?>
        {
            ["id"] = 7L,
            ["name"] = "b1",
            ["load_date"] = dialect.ToDbValue(loadDate, DataType.Timestamp),
            ["record_source"] = "crm",
            ["start_time"] = dialect.ToDbValue(loadDate.AddHours(1), DataType.Timestamp),
            ["status"] = "running",
            ["session_id"] = DBNull.Value,
        });
        var finish = statements.FinishBatch("etl_batch_log", 7, BatchStatus.Failed, loadDate, 10, 8, 1, 2, "{\"hub_customer\": 8}", null).ParameterDictionary();
        finish["status"].Should().Be("failed");
        finish["error_message"].Should().Be(DBNull.Value);
        finish["target_counts"].Should().Be("{\"hub_customer\": 8}");
        statements.InsertQuarantined("q", 7, "a.csv", 3, null, "bad", "{}").ParameterDictionary()["column_name"].Should().Be(DBNull.Value);
    }

    [Fact]
    public void The_batch_log_keeps_its_stored_status_words()
    {
        Enum.GetValues<BatchStatus>().Select(LoaderStatements.StatusText).Should().Equal("running", "succeeded", "failed", "cancelled", "abandoned");
    }

    [Fact]
    public void An_abandoned_entry_is_marked_only_while_running_with_the_same_dead_session()
    {
        var statements = new LoaderStatements(SqlDialects.PostgreSql);
        const string dead = "\"session_id\" NOT IN (SELECT CAST(pid AS VARCHAR(20)) FROM pg_stat_activity WHERE pid IS NOT NULL)";

        statements.RunningBatches("etl_batch_log", dead).Text.Should().Be(
            "SELECT \"batch_id\", \"batch_name\", \"session_id\" FROM \"etl_batch_log\" WHERE \"status\" = @status AND \"session_id\" IS NOT NULL AND " + dead + " ORDER BY \"batch_id\"");
        var abandon = statements.AbandonBatch("etl_batch_log", 7, "4242", new DateTime(2026, 1, 2), "gone", dead);
        abandon.Text.Should().Be(
            "UPDATE \"etl_batch_log\" SET \"status\" = @abandoned, \"end_time\" = @end_time, \"error_message\" = @error_message " +
            "WHERE \"batch_id\" = @batch_id AND \"status\" = @running AND \"session_id\" = @session_id AND " + dead);
        abandon.ParameterDictionary().Should().Contain("abandoned", "abandoned").And.Contain("running", "running").And.Contain("session_id", "4242").And.Contain("error_message", "gone");
        statements.BatchLogTable("etl_batch_log").Columns.Should().Contain(c => c.Name == "session_id" && !c.NotNull);
        statements.BatchLogTable("etl_batch_log").Columns.Single(c => c.Name == "status").Type.Text.Should().Contain("50", "'abandoned' fits the status column");
    }

    [Fact]
    public void The_conflicting_rows_query_names_two_rows_of_one_key_in_source_order()
    {
        var satellite = Model.Satellite("customer_details");
        var statement = new LoaderStatements(SqlDialects.PostgreSql).SelectConflictingRows(satellite, StagingTable.For(satellite.TableName, true), "dv_source_row", "abc", "2026-01-01");

        statement.Text.Should().Be(
            $"SELECT \"dv_source_row\", \"{satellite.HashDiffColumn}\" FROM \"stg_sat_customer_details\" " +
            $"WHERE \"{satellite.ParentHashKeyColumn}\" = @k AND \"load_date\" = @d ORDER BY \"dv_source_row\"");
        statement.ParameterDictionary().Should().Equal(new Dictionary<string, object?> { ["k"] = "abc", ["d"] = "2026-01-01" });
    }

    [Fact]
    public void The_staging_insert_carries_as_many_rows_as_the_engine_and_the_parameter_budget_allow()
    {
        var insert = new LoaderStatements(SqlDialects.DuckDb).InsertStagingRows("stg_t", ["a", "b"], 2);

        insert.Text.Should().Be("INSERT INTO \"stg_t\" (\"a\", \"b\") VALUES ($p0, $p1), ($p2, $p3)");
        insert.Parameters.Select(p => (p.Name, p.Value)).Should().Equal(("p0", null), ("p1", null), ("p2", null), ("p3", null));
        new LoaderStatements(SqlDialects.Sqlite).StagingRowsPerInsert(9, 999).Should().Be(1, "SQLite binds one prepared row per statement fastest");
        new LoaderStatements(SqlDialects.PostgreSql).StagingRowsPerInsert(9, 999).Should().Be(111);
        new LoaderStatements(SqlDialects.PostgreSql).StagingRowsPerInsert(2000, 999).Should().Be(1, "a row wider than the budget still goes, one per statement");
    }

    [Fact]
    public void The_bookkeeping_tables_have_their_columns()
    {
        var statements = new LoaderStatements(SqlDialects.PostgreSql);

        statements.BatchLogTable("etl_batch_log").Columns.Select(c => c.Name).Should().Equal(
            "batch_id", "batch_name", "load_date", "record_source", "start_time", "end_time", "status",
            "records_processed", "records_inserted", "records_updated", "records_rejected", "target_counts", "error_message", "session_id");
        statements.BatchLogTable("etl_batch_log").PrimaryKey.Should().Equal("batch_id");
        statements.QuarantineTable("q").Columns.Select(c => (c.Name, c.NotNull)).Should().Equal(
            ("batch_id", true), ("source_name", true), ("line_number", true), ("column_name", false), ("reason", true), ("raw_row", true));
        statements.CreateBatchLog("etl_batch_log", DdlOptions.Default).Select(s => s.Text).Should().Equal(SqlDialects.PostgreSql.CreateTable(statements.BatchLogTable("etl_batch_log"), DdlOptions.Default).Select(s => s.Text));
    }

    private static SqlDialect Dialect(string engine) => engine switch
    {
        "sqlite" => SqlDialects.Sqlite,
        "mariadb" => SqlDialects.MariaDb,
        "duckdb" => SqlDialects.DuckDb,
        _ => throw new ArgumentOutOfRangeException(nameof(engine)),
    };
}
